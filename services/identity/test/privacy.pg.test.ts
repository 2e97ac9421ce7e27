import { privacySuite } from './privacy.suite.ts'

// PHI privacy on PostgreSQL (privacy.int.test.ts runs the same on PGlite).
privacySuite('postgres')
