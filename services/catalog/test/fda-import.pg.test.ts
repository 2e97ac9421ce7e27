import { fdaImportSuite } from './fda-import.suite.ts'

// The importer on PostgreSQL (COPY FROM STDIN), in a database of its own that is dropped after.
fdaImportSuite('postgres')
