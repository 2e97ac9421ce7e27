import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pgliteDatabase, postgresDatabase, type Database } from './database.ts'
import { ConfigError } from '../config.ts'

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
  const unlock = lockDataDir(opts.dataDir)
  const pglite = new PGlite(dir, { extensions: { postgis, pg_trgm } })
  await pglite.waitReady
  // Loading PostGIS on a new data folder takes ~10 s; IF NOT EXISTS makes later starts cheap.
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;')
  const db = pgliteDatabase(pglite)
  return {
    ...db,
    close: async () => {
      await db.close()
      unlock()
    },
  }
}

/**
 * PGlite's files take one process: a second `npm start` on the same data folder would corrupt them.
 * A pid file refuses it with a clear message; a stale one (its process gone) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'apotheca.pid')
  let holder: number | undefined
  try {
    holder = Number(readFileSync(file, 'utf8'))
  } catch {
    /* no lock yet */
  }
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new ConfigError(
      `The data folder ${dataDir} is in use by another Apotheca process (pid ${holder}). Stop it, or set APOTHECA_DATA to another folder.`,
    )
  }
  writeFileSync(file, String(process.pid))
  return () => rmSync(file, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
