import { searchSuite } from './search.suite.ts'

// Every query form on PGlite, on the real catalog.
searchSuite('pglite')
