import { oidcSuite } from './oidc.suite.ts'

// OIDC mode on PGlite (oidc.pg.test.ts runs the same on PostgreSQL).
oidcSuite('pglite')
