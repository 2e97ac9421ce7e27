import { checkpointSuite } from './checkpoints.suite.ts'

// The same on the shared PostgreSQL, without the tampering tests (those run on a private PGlite copy).
checkpointSuite('postgres')
