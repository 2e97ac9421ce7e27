import { oidcSuite } from './oidc.suite.ts'

// OIDC mode on PostgreSQL (oidc.int.test.ts runs the same on PGlite).
oidcSuite('postgres')
