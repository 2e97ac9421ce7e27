import { randomUUID } from 'node:crypto'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { priceOf, type NadacPrice } from '../domain/fda-ndc.ts'
import { importCatalog, importData, type ImportDeps, type ImportResult } from './import-catalog.ts'
import { convertFdaFiles, parseNadacFile } from './parse-files.ts'
import { copyTransaction } from '../db/copy.ts'
import { lockImports } from '../db/import.repository.ts'

const run = promisify(execFile)
const BUILD_SCRIPT = fileURLToPath(new URL('../../scripts/build-catalog-data.mjs', import.meta.url))

/** One source's outcome: the import result(s) and the rows left out, counted by reason. */
export interface SourceReport {
  file: string
  kind: 'fda_ndc' | 'nadac' | 'catalog_products' | 'shipped'
  results: ImportResult[]
  skipped: Record<string, number>
}

/** The files a path names: an FDA product/package pair, a NADAC file, the catalog file, or a folder of them. */
export interface SourceFiles {
  fda: Array<{ product: string; package: string | null }>
  nadac: string[]
  catalogProducts: string[]
  shipped: string[]
}

/** Sorts the files at a path (a file or a folder, not recursive) into the sources the importer knows. */
export function findSources(path: string): SourceFiles {
  const abs = resolve(path)
  if (!existsSync(abs)) throw new Error(`no such file or folder: ${path}`)
  const files = statSync(abs).isDirectory()
    ? readdirSync(abs)
        .sort()
        .map((f) => join(abs, f))
    : [abs]
  const out: SourceFiles = { fda: [], nadac: [], catalogProducts: [], shipped: [] }
  for (const f of files) {
    const name = basename(f).toLowerCase()
    if (/product\.(txt|tsv)(\.gz)?$/.test(name)) {
      const sibling = join(
        dirname(f),
        basename(f).replace(/product(?=\.(txt|tsv))/i, (m) => (m === 'PRODUCT' ? 'PACKAGE' : 'package')),
      )
      out.fda.push({ product: f, package: existsSync(sibling) ? sibling : null })
    } else if (/^nadac.*\.csv(\.gz)?$/.test(name)) out.nadac.push(f)
    else if (/^catalog_products\.csv(\.gz)?$/.test(name)) out.catalogProducts.push(f)
    else if (name === 'drugs.tsv.gz') out.shipped.push(f)
  }
  if (!out.fda.length && !out.nadac.length && !out.catalogProducts.length && !out.shipped.length) {
    throw new Error(
      `${basename(abs)} is not, and does not hold, a file the importer reads (product.txt + package.txt, nadac*.csv, catalog_products.csv.gz, drugs.tsv.gz)`,
    )
  }
  return out
}

/**
 * Imports every source at a path, idempotently: FDA products and packages (priced from a NADAC file
 * beside them), NADAC prices for drugs already in the catalog, and the RxNorm-mapped catalog file
 * (built into the drug file layout by scripts/build-catalog-data.mjs from the shared data folder).
 * The process keeps serving meanwhile: files are parsed in worker threads (the build in a child
 * process), and the loads yield to the event loop between short statements (copyTransaction).
 */
export async function importSources(deps: ImportDeps, path: string, opts: { force?: boolean } = {}): Promise<SourceReport[]> {
  const src = findSources(path)
  const reports: SourceReport[] = []
  for (const f of src.shipped) {
    const files = { drugs: pathToFileURL(f), interactions: pathToFileURL(join(dirname(f), 'interactions.tsv.gz')) }
    reports.push({ file: f, kind: 'shipped', results: await importCatalog(deps, { files, force: opts.force ?? false }), skipped: {} })
  }
  for (const f of src.catalogProducts) reports.push(await importCatalogProducts(deps, f, opts.force ?? false))
  const prices = new Map<string, NadacPrice>()
  const nadacSkipped: Array<Record<string, number>> = []
  for (const f of src.nadac) {
    const parsed = await parseNadacFile(f)
    for (const [k, v] of parsed.prices) prices.set(k, v)
    nadacSkipped.push(parsed.skipped)
  }
  for (const pair of src.fda) reports.push(await importFda(deps, pair, prices, opts.force ?? false))
  for (const [i, f] of src.nadac.entries()) reports.push(await applyNadac(deps, f, prices, nadacSkipped[i]!))
  return reports
}

async function importFda(
  deps: ImportDeps,
  pair: { product: string; package: string | null },
  prices: Map<string, NadacPrice>,
  force: boolean,
): Promise<SourceReport> {
  if (!pair.package) return { file: pair.product, kind: 'fda_ndc', results: [], skipped: { 'product file: no package file beside it': 1 } }
  const { data, sha256, skipped } = await convertFdaFiles({ product: pair.product, package: pair.package }, prices)
  const source = `fda:${basename(pair.product)}`
  const result = await importData(deps, 'drugs', { source, sha256, data: async () => data }, { force, keepCodes: true })
  return { file: pair.product, kind: 'fda_ndc', results: [result], skipped }
}

/** NDCs repriced per statement: a full NADAC file names tens of thousands, and each statement should stay short. */
const NADAC_BATCH = 5000

/** NADAC prices (and OTC flags, unless the FDA product type decided) for the drugs already in the catalog. */
async function applyNadac(
  deps: ImportDeps,
  file: string,
  prices: Map<string, NadacPrice>,
  skipped: Record<string, number>,
): Promise<SourceReport> {
  const t0 = performance.now()
  const ndcs = [...prices.keys()]
  const changed = await copyTransaction(deps.db, async (tx) => {
    await lockImports(tx)
    let found = 0
    let upserted = 0
    for (let i = 0; i < ndcs.length; i += NADAC_BATCH) {
      const { rows } = await tx.query<{ ndc_code: string; dosage_form: string | null; route: string | null; rx_only_source: string }>(
        /* sql */ `SELECT ndc_code, dosage_form, route, rx_only_source FROM catalog.drugs WHERE ndc_code = ANY($1::text[])`,
        [ndcs.slice(i, i + NADAC_BATCH)],
      )
      const cents = rows.map((r) => priceOf(r.dosage_form, r.route, prices.get(r.ndc_code)).cents)
      const otc = rows.map((r) => (r.rx_only_source === 'fda_product_type' ? null : prices.get(r.ndc_code)!.otc))
      const upd = await tx.query(
        /* sql */ `UPDATE catalog.drugs d SET price_minor = u.cents, price_source = 'nadac',
          rx_only = coalesce(NOT u.otc, d.rx_only), rx_only_source = CASE WHEN u.otc IS NULL THEN d.rx_only_source ELSE 'nadac' END,
          updated_at = now()
        FROM unnest($1::text[], $2::int[], $3::boolean[]) AS u(ndc, cents, otc)
        WHERE d.ndc_code = u.ndc AND (d.price_minor, d.price_source, d.rx_only) IS DISTINCT FROM (u.cents, 'nadac', coalesce(NOT u.otc, d.rx_only))`,
        [rows.map((r) => r.ndc_code), cents, otc],
      )
      found += rows.length
      upserted += upd.rowCount
    }
    const missing = ndcs.length - found
    if (missing) skipped['nadac: NDC not in the catalog'] = missing
    const import_id = randomUUID()
    const source = `nadac:${basename(file)}`
    // The event clears drug caches, as any other import does.
    await deps.publish(tx, 'catalog.import.completed.v1', import_id, { import_id, source, upserted, skipped: found - upserted })
    return { import_id, source, rows_read: ndcs.length, upserted, skipped: found - upserted }
  })
  const result: ImportResult = { ...changed, status: 'imported', sha256: '', ms: Math.round(performance.now() - t0) }
  return { file, kind: 'nadac', results: [result], skipped }
}

/** The catalog file needs the other shared inputs the build script reads: it is given the folder above it. */
async function importCatalogProducts(deps: ImportDeps, file: string, force: boolean): Promise<SourceReport> {
  const shared = dirname(dirname(resolve(file)))
  const out = mkdtempSync(join(tmpdir(), 'catalog-build-'))
  try {
    const { stdout } = await run(process.execPath, [BUILD_SCRIPT, shared, out], { maxBuffer: 16 << 20 })
    const files = { drugs: pathToFileURL(join(out, 'drugs.tsv.gz')), interactions: pathToFileURL(join(out, 'interactions.tsv.gz')) }
    return { file, kind: 'catalog_products', results: await importCatalog(deps, { files, force }), skipped: buildSkips(stdout) }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** The build report's "rows skipped:" blocks (drugs, then interactions): reason and count per line. */
function buildSkips(report: string): Record<string, number> {
  const out: Record<string, number> = {}
  const blocks = ['catalog_products', 'ddi']
  let block: string | null = null
  for (const line of report.split('\n')) {
    if (/rows skipped:/.test(line)) {
      block = blocks.shift() ?? 'other'
      continue
    }
    const m = block ? /^\s{4}(.+?)\s+(\d+)$/.exec(line) : null
    if (m) out[`${block}: ${m[1]}`] = Number(m[2])
    else block = null
  }
  return out
}
