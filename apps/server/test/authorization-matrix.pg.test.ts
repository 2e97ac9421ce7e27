import { authorizationMatrix } from './authorization-matrix.suite.ts'

// The authorisation matrix on PostgreSQL (authorization-matrix.int.test.ts runs the same on PGlite).
authorizationMatrix('postgres')
