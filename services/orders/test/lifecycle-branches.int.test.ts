import { lifecycleBranches } from './lifecycle-branches.suite.ts'

// The lifecycle with its branches on PGlite and the in-process bus (the .pg variant: PostgreSQL + Kafka).
lifecycleBranches('pglite')
