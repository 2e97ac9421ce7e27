import { checkpointSuite } from './checkpoints.suite.ts'

// Signed checkpoints, proofs and the verifiable export on PGlite (checkpoints.pg.test.ts: PostgreSQL).
checkpointSuite('pglite')
