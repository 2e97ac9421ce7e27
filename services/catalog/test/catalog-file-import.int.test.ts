import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, createPublisher } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import { importSources } from '../src/application/import-sources.ts'
import { FIXTURES as SHARED } from './fda-import.suite.ts'

// The importer on the full catalog (demo load of the shipped build) on PGlite.
let rt: TestRuntime
const work = mkdtempSync(join(tmpdir(), 'catalog-file-'))
before(async () => {
  rt = await startTestRuntime({ modules: [catalog], env: { APOTHECA_DEMO: '1' } })
})
after(async () => {
  await rt?.close()
  rmSync(work, { recursive: true, force: true })
})
const deps = () => ({ db: rt.db, publish: createPublisher('catalog', () => {}), log: createLogger('silent') })
const drug = async (ndc: string) => (await rt.db.query<any>(`SELECT * FROM catalog.drugs WHERE ndc_code = $1`, [ndc])).rows[0]

test('the catalog file builds rows identical to the shipped ones, so importing it changes nothing', async () => {
  // The fixture is a slice of the workshop's catalog file: every drug it builds is, byte for byte, a row of
  // the shipped drugs.tsv.gz (checked by fixtures/build-fixtures.mjs), and its interactions are the shipped file.
  const count = async () => Number((await rt.db.query<{ n: string }>(`SELECT count(*) AS n FROM catalog.drugs`)).rows[0]!.n)
  const drugsBefore = await count()
  const [report] = await importSources(deps(), join(SHARED, 'catalog/catalog_products.csv.gz'))
  assert.equal(report!.kind, 'catalog_products')
  const [drugs, interactions] = report!.results
  assert.deepEqual(
    [drugs!.source, drugs!.status, interactions!.source, interactions!.status],
    ['drugs.tsv.gz', 'imported', 'interactions.tsv.gz', 'unchanged'],
  )
  assert.ok(drugs!.rows_read > 1000, `the slice builds its drugs (${drugs!.rows_read})`)
  assert.equal(drugs!.upserted, 0, 'no built row differs from the shipped one')
  assert.equal(await count(), drugsBefore)
  assert.ok(
    Object.keys(report!.skipped).some((k) => k.startsWith('ddi: ')),
    'the build report says which interaction rows it skipped',
  )
})

test('an FDA update of a product already in the catalog keeps its RxNorm and ATC codes', async () => {
  const known = await drug('00069-4210-30')
  assert.ok(known.atc_codes.length > 0 && known.rxcui)
  copyFileSync(join(SHARED, 'ndc/fda_ndc_finished_product_sample_viagra.tsv'), join(work, 'product.txt'))
  const id = readFileSync(join(work, 'product.txt'), 'utf8')
    .split('\n')
    .find((l) => l.includes('\t0069-4210\t'))!
    .split('\t')[0]
  writeFileSync(
    join(work, 'package.txt'),
    `PRODUCTID\tPRODUCTNDC\tNDCPACKAGECODE\tPACKAGEDESCRIPTION\n${id}\t0069-4210\t0069-4210-30\t30 TABLET in 1 BOTTLE\n`,
  )
  const [report] = await importSources(deps(), work)
  assert.equal(report!.results[0]!.upserted, 1)
  const updated = await drug('00069-4210-30')
  assert.equal(updated.drug_id, known.drug_id)
  assert.equal(updated.manufacturer, 'Pfizer Laboratories Div Pfizer Inc')
  assert.equal(updated.route, 'ORAL')
  assert.deepEqual([updated.rxcui, updated.atc_codes], [known.rxcui, known.atc_codes])
})

test('a NADAC file reprices the drugs it lists and reports the NDCs the catalog lacks; a re-run changes nothing', async () => {
  const file = join(SHARED, 'catalog/nadac_brand_subset_2025-01_to_05.csv.gz')
  const [first] = await importSources(deps(), file)
  assert.equal(first!.kind, 'nadac')
  const r = first!.results[0]!
  assert.equal(r.rows_read, r.upserted + r.skipped + (first!.skipped['nadac: NDC not in the catalog'] ?? 0))
  assert.ok(r.upserted + r.skipped > 800, 'most NADAC brand NDCs are in the catalog')
  const [again] = await importSources(deps(), file)
  assert.equal(again!.results[0]!.upserted, 0)
  const { rows } = await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.drugs WHERE price_source = 'nadac'`)
  assert.ok(rows[0]!.n >= r.upserted + r.skipped)
})
