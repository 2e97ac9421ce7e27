import { privacySuite } from './privacy.suite.ts'

// PHI privacy on PGlite (privacy.pg.test.ts runs the same on PostgreSQL).
privacySuite('pglite')
