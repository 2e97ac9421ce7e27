import { before, after, test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLogger, createPublisher } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import { importSources } from '../src/application/import-sources.ts'
import { parseTsv, uuidv5 } from '../src/domain/fda-ndc.ts'
import { ownDatabase } from './own-database.ts'

/** The repository's fixtures (fixtures/, with a slash at the end): slices of the real FDA and CMS files, see their PROVENANCE.md. */
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url))
const NDC = join(FIXTURES, 'ndc')
const NADAC = join(FIXTURES, 'catalog/nadac_brand_subset_2025-01_to_05.csv.gz')

/** The importer's tests on the real FDA NDC and NADAC files, on an empty catalog of either backend. */
export function fdaImportSuite(backend: 'pglite' | 'postgres') {
  let rt: TestRuntime
  let drop = async () => {}
  const work = mkdtempSync(join(tmpdir(), 'catalog-fda-'))
  before(async () => {
    const own = backend === 'postgres' ? await ownDatabase() : null
    if (own) drop = own.drop
    rt = await startTestRuntime({ modules: [catalog], backend, env: own ? { DATABASE_URL: own.url } : {} })
  })
  after(async () => {
    await rt?.close()
    await drop()
    rmSync(work, { recursive: true, force: true })
  })

  const deps = () => ({ db: rt.db, publish: createPublisher('catalog', () => {}), log: createLogger('silent') })
  const count = async () => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.drugs`)).rows[0]!.n
  const products = parseTsv(readFileSync(join(NDC, 'fda_ndc_unfinished_product.tsv'), 'utf8'))
  const packages = parseTsv(readFileSync(join(NDC, 'fda_ndc_unfinished_package.tsv'), 'utf8'))
  const typeOf = new Map(products.map((p) => [p.PRODUCTID, p.PRODUCTTYPENAME]))
  const dispensed = packages.filter((k) => ['HUMAN PRESCRIPTION DRUG', 'HUMAN OTC DRUG'].includes(typeOf.get(k.PRODUCTID!) ?? ''))

  test('the FDA product and package files load every finished human drug package and say why the rest were left out', async () => {
    const [report] = await importSources(deps(), NDC)
    assert.equal(report!.kind, 'fda_ndc')
    assert.equal(report!.results[0]!.status, 'imported')
    assert.equal(report!.results[0]!.upserted, dispensed.length)
    assert.equal(await count(), dispensed.length)
    const bulk = packages.filter((k) => typeOf.get(k.PRODUCTID!) === 'BULK INGREDIENT').length
    assert.equal(report!.skipped['package: product type BULK INGREDIENT is not dispensed'], bulk)
    assert.ok(report!.skipped['product: no package in the package file']! > 0)
  })

  test('an imported product answers with its FDA fields: stored 5-4-2, labeler, schedule, Rx, id = UUIDv5 of the NDC', async () => {
    const p = products.find(
      (x) => x.PRODUCTTYPENAME === 'HUMAN PRESCRIPTION DRUG' && x.DEASCHEDULE === 'CII' && /METHYLPHENIDATE/.test(x.SUBSTANCENAME!),
    )!
    const k = packages.find((x) => x.PRODUCTID === p.PRODUCTID)!
    const r = await rt.request('GET', `/drugs/search?ndc=${k.NDCPACKAGECODE}`)
    assert.equal(r.status, 200)
    const d = r.json.results[0]
    const [l, pr, pk] = k.NDCPACKAGECODE!.split('-') as [string, string, string]
    const ndc = `${l.padStart(5, '0')}-${pr.padStart(4, '0')}-${pk.padStart(2, '0')}`
    assert.equal(d.ndc_code, ndc)
    assert.equal(d.drug_id, uuidv5(ndc.replaceAll('-', '')))
    assert.equal(d.manufacturer, p.LABELERNAME)
    assert.equal(d.dea_schedule, 'CII')
    assert.equal(d.rx_only, true)
    assert.deepEqual(d.active_ingredients, ['methylphenidate'])
    const byName = await rt.request('GET', '/drugs/search?q=methylphenidate&dea_schedule=CII')
    assert.ok(byName.json.results.some((x: any) => x.drug_id === d.drug_id))
  })

  test('re-running the same files changes nothing; a changed product updates its packages, never duplicates', async () => {
    const before = await count()
    assert.equal((await importSources(deps(), NDC))[0]!.results[0]!.status, 'unchanged')
    assert.equal((await importSources(deps(), NDC, { force: true }))[0]!.results[0]!.upserted, 0)
    const target = products.find((x) => x.PRODUCTTYPENAME === 'HUMAN OTC DRUG')!
    const text = readFileSync(join(NDC, 'fda_ndc_unfinished_product.tsv'), 'utf8')
      .split('\n')
      .map((l) => (l.startsWith(`${target.PRODUCTID}\t`) ? l.replace(`\t${target.LABELERNAME}\t`, '\tRenamed Labeler Inc.\t') : l))
      .join('\n')
    writeFileSync(join(work, 'product.txt'), text)
    copyFileSync(join(NDC, 'fda_ndc_unfinished_package.tsv'), join(work, 'package.txt'))
    const [changed] = await importSources(deps(), work)
    const ofTarget = packages.filter((k) => k.PRODUCTID === target.PRODUCTID).length
    assert.equal(changed!.results[0]!.upserted, ofTarget)
    assert.equal(await count(), before)
    const { rows } = await rt.db.query<{ rx_only: boolean }>(
      `SELECT rx_only FROM catalog.drugs WHERE manufacturer = 'Renamed Labeler Inc.'`,
    )
    assert.equal(rows.length, ofTarget)
    assert.ok(
      rows.every((r) => r.rx_only === false),
      'HUMAN OTC DRUG is OTC',
    )
  })

  test('a finished product file (PROPRIETARYNAME, ROUTENAME) with NADAC beside it is named, routed and priced from NADAC', async () => {
    const dir = mkdtempSync(join(work, 'viagra-'))
    copyFileSync(join(NDC, 'fda_ndc_finished_product_sample_viagra.tsv'), join(dir, 'product.txt'))
    const id = readFileSync(join(dir, 'product.txt'), 'utf8')
      .split('\n')
      .find((l) => l.includes('\t0069-4220\t'))!
      .split('\t')[0]
    writeFileSync(
      join(dir, 'package.txt'),
      [
        'PRODUCTID\tPRODUCTNDC\tNDCPACKAGECODE\tPACKAGEDESCRIPTION',
        `${id}\t0069-4220\t0069-4220-30\t30 TABLET, FILM COATED in 1 BOTTLE (0069-4220-30)`,
        `${id}\t0069-4220\t0069-4220-66\t100 TABLET, FILM COATED in 1 BOTTLE (0069-4220-66)`,
        '',
      ].join('\n'),
    )
    copyFileSync(NADAC, join(dir, 'nadac_brand_subset.csv.gz'))
    const reports = await importSources(deps(), dir)
    assert.deepEqual(
      reports.map((r) => r.kind),
      ['fda_ndc', 'nadac'],
    )
    assert.equal(reports[0]!.skipped['product: no package in the package file'], 2)
    const r = await rt.request('GET', '/drugs/search?ndc=00069422030')
    const d = r.json.results[0]
    assert.equal(d.name, 'Viagra')
    assert.equal(d.route, 'ORAL')
    assert.equal(d.strength, '100 mg')
    assert.deepEqual(d.active_ingredients, ['sildenafil'])
    // The latest NADAC for this NDC is 83.7857 USD per tablet (effective 23 Apr 2025): 30 tablets + 20% + $10.
    assert.equal(d.price.amount, Math.round(83.7857 * 100 * 30 * 1.2) + 1000)
    const brand = await rt.request('GET', '/drugs/search?q=viagra')
    assert.equal(brand.json.results[0].name, 'Viagra')
  })

  test('a path the importer cannot read is refused with a reason, and nothing changes', async () => {
    const before = await count()
    await assert.rejects(
      importSources(deps(), join(FIXTURES, 'ddi/onc_high_priority_ddi_pairs.csv')),
      /does not hold, a file the importer reads/,
    )
    await assert.rejects(importSources(deps(), join(work, 'missing')), /no such file/)
    assert.equal(await count(), before)
  })
}
