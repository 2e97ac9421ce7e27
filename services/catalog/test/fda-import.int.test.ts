import { fdaImportSuite } from './fda-import.suite.ts'

// The importer on PGlite, starting from an empty catalog (no demo load).
fdaImportSuite('pglite')
