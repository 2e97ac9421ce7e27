import { authorizationMatrix } from './authorization-matrix.suite.ts'

// The authorisation matrix on PGlite (authorization-matrix.pg.test.ts runs the same on PostgreSQL).
authorizationMatrix('pglite')
