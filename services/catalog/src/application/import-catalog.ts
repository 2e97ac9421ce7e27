import { createHash, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import type { Database, Logger, Publish } from '@apotheca/kernel'
import { copyTransaction } from '../db/copy.ts'
import { lastImportSha, lockImports, recordImport, type ImportCounts, type ImportKind } from '../db/import.repository.ts'
import { upsertDrugs } from '../db/drug-load.repository.ts'
import { replaceInteractions } from '../db/interaction.repository.ts'

const gunzipAsync = promisify(gunzip)

/** The catalog files shipped in the repository (data/README.md describes them). */
export const SHIPPED_FILES: Record<ImportKind, URL> = {
  drugs: new URL('../../data/drugs.tsv.gz', import.meta.url),
  interactions: new URL('../../data/interactions.tsv.gz', import.meta.url),
}

/** What one file's import did; `unchanged` when the same file (by sha256) was already imported. */
export interface ImportResult extends ImportCounts {
  source: string
  status: 'imported' | 'unchanged'
  import_id: string | null
  sha256: string
  ms: number
}

/** What an import needs: the database, the outbox publisher, a logger. */
export interface ImportDeps {
  db: Database
  publish: Publish
  log: Logger
}

/**
 * Loads the drug and interaction files: COPY into staging, then upsert in the same transaction, so
 * a re-run updates and never duplicates. A file already imported with the same sha256 is skipped
 * unless `force`. Each import publishes catalog.import.completed.v1 in its transaction.
 */
export async function importCatalog(
  deps: ImportDeps,
  opts: { files?: Record<ImportKind, URL>; force?: boolean } = {},
): Promise<ImportResult[]> {
  const files = opts.files ?? SHIPPED_FILES
  const results: ImportResult[] = []
  for (const kind of ['drugs', 'interactions'] as const) results.push(await importFile(deps, kind, files[kind], opts.force ?? false))
  return results
}

async function importFile(deps: ImportDeps, kind: ImportKind, file: URL, force: boolean): Promise<ImportResult> {
  const t0 = performance.now()
  const gz = await readFile(file)
  const sha256 = createHash('sha256').update(gz).digest('hex')
  const source = basename(file.pathname)
  return importData(deps, kind, { source, sha256, data: () => gunzipAsync(gz) }, { force, t0 })
}

/** Options of one staged load: re-run an unchanged file, keep the RxNorm/ATC codes a source lacks. */
export interface LoadOptions {
  force?: boolean
  keepCodes?: boolean
  t0?: number
}

/**
 * Loads one file's rows (COPY text, the layout of data/README.md) under the import lock: staged, then
 * upserted or replaced in one transaction with its catalog.imports row and event. Skipped when the
 * same source with the same sha256 was the last completed import, unless forced.
 */
export async function importData(
  deps: ImportDeps,
  kind: ImportKind,
  file: { source: string; sha256: string; data: () => Promise<Uint8Array> },
  opts: LoadOptions = {},
): Promise<ImportResult> {
  const t0 = opts.t0 ?? performance.now()
  const started_at = new Date()
  const { source, sha256 } = file
  const force = opts.force ?? false
  const unchanged = (): ImportResult => ({
    source,
    status: 'unchanged',
    import_id: null,
    sha256,
    rows_read: 0,
    upserted: 0,
    skipped: 0,
    ms: elapsed(t0),
  })
  if (!force && (await lastImportSha(deps.db, source)) === sha256) return unchanged()

  const data = await file.data()
  const done = await copyTransaction(deps.db, async (tx) => {
    await lockImports(tx)
    // Another replica may have imported the same file while we waited for the lock.
    if (!force && (await lastImportSha(tx, source)) === sha256) return null
    const counts =
      kind === 'drugs' ? await upsertDrugs(tx, data, { keepCodes: opts.keepCodes ?? false }) : await replaceInteractions(tx, data)
    const import_id = randomUUID()
    await recordImport(tx, { import_id, source, sha256, started_at, ...counts })
    await deps.publish(tx, 'catalog.import.completed.v1', import_id, {
      import_id,
      source,
      upserted: counts.upserted,
      skipped: counts.skipped,
    })
    return { import_id, ...counts }
  })
  if (!done) return unchanged()
  const { import_id, rows_read, upserted, skipped } = done
  const result: ImportResult = { source, status: 'imported', import_id, sha256, rows_read, upserted, skipped, ms: elapsed(t0) }
  deps.log.info({ import_id, source, rows_read, upserted, skipped, ms: result.ms }, 'catalog import completed')
  return result
}

function elapsed(t0: number): number {
  return Math.round(performance.now() - t0)
}
