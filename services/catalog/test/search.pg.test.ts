import { searchSuite } from './search.suite.ts'

// Every query form on PostgreSQL, on the real catalog in a database of its own.
searchSuite('postgres')
