import { lifecycleBranches } from './lifecycle-branches.suite.ts'

// The lifecycle with its branches on PostgreSQL and Kafka (the .int variant: PGlite).
lifecycleBranches('postgres')
