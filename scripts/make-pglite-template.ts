// Creates a PGlite data folder with PostGIS and pg_trgm loaded (the slow part of a first start).
import { openDatabase } from '@apotheca/kernel'

const dir = process.argv[2]
if (!dir) throw new Error('usage: make-pglite-template.ts <folder>')
const db = await openDatabase({ dataDir: dir })
await db.close()
