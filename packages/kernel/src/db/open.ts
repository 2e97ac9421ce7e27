import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pgliteDatabase, postgresDatabase, type Database } from './database.ts'

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in the data folder. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) {
    const db = postgresDatabase(opts.databaseUrl)
    // Processes starting together would race on CREATE EXTENSION IF NOT EXISTS: take turns.
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('apotheca:extensions'))`)
      await tx.exec('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;')
    })
    return db
  }
  const [{ PGlite }, { postgis }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-postgis'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ])
  const dir = join(opts.dataDir, 'pglite')
  mkdirSync(dir, { recursive: true })
  const pglite = new PGlite(dir, { extensions: { postgis, pg_trgm } })
  await pglite.waitReady
  // Loading PostGIS on a new data folder takes ~10 s; IF NOT EXISTS makes later starts cheap.
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;')
  return pgliteDatabase(pglite)
}
