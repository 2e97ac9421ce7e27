// npm run catalog:import -- <path> [--force]
// Loads FDA NDC Directory files (product.txt + package.txt), CMS NADAC price files, the RxNorm-mapped
// catalog file or the shipped drugs.tsv.gz into the catalog, against DATABASE_URL (PostgreSQL) or the
// embedded data folder (APOTHECA_DATA; stop the server first: PGlite is one process's). Idempotent.
import { createLogger, createPublisher, loadConfig, migrate, openDatabase } from '@apotheca/kernel'
import catalog from '../src/module.ts'
import { importSources } from '../src/application/import-sources.ts'

const args = process.argv.slice(2)
const force = args.includes('--force')
const paths = args.filter((a) => a !== '--force')
if (paths.length === 0) {
  console.error('usage: npm run catalog:import -- <file or folder>… [--force]')
  process.exit(2)
}
const config = loadConfig()
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.APOTHECA_DATA })
try {
  await migrate(db, catalog.name, catalog.migrations)
  // Events go to the outbox; the service's relay delivers them (and so clears drug caches) when it runs.
  const deps = { db, publish: createPublisher('catalog', () => {}), log: createLogger('silent') }
  for (const path of paths) {
    for (const r of await importSources(deps, path, { force })) {
      console.log(`${r.kind} ${r.file}`)
      for (const x of r.results)
        console.log(
          `  ${x.source}: ${x.status}, ${x.rows_read} read, ${x.upserted} inserted or changed, ${x.skipped} already up to date (${x.ms} ms)`,
        )
      const skips = Object.entries(r.skipped)
      if (skips.length) console.log('  left out:')
      for (const [why, n] of skips) console.log(`    ${String(n).padStart(7)}  ${why}`)
    }
  }
} catch (err) {
  console.error(`import failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  await db.close()
}
