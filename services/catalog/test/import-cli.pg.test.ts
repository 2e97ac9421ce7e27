import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { postgresDatabase } from '@apotheca/kernel'
import { ownDatabase } from './own-database.ts'
import { FIXTURES } from './fda-import.suite.ts'

// `npm run catalog:import -- <path>` as an operator runs it, against DATABASE_URL (a database of its own).
const run = promisify(execFile)
const script = new URL('../scripts/import.ts', import.meta.url).pathname
let own: Awaited<ReturnType<typeof ownDatabase>>
before(async () => {
  own = await ownDatabase('catalog_cli')
})
after(async () => {
  await own?.drop()
})

const importer = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, DATABASE_URL: own.url, LOG_LEVEL: 'silent' } })

test('the importer CLI loads the FDA folder and NADAC file, reports what it left out, and a re-run is unchanged', async () => {
  const first = await importer(`${FIXTURES}ndc`, `${FIXTURES}catalog/nadac_brand_subset_2025-01_to_05.csv.gz`)
  assert.match(first.stdout, /fda:fda_ndc_unfinished_product\.tsv: imported, (\d+) read, \1 inserted or changed/)
  assert.match(first.stdout, /left out:\n\s+\d+ {2}package: product type BULK INGREDIENT is not dispensed/)
  assert.match(first.stdout, /\d+ {2}nadac: NDC not in the catalog/)
  const db = postgresDatabase(own.url, 1)
  const n = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM catalog.drugs`)).rows[0]!.n
  const loaded = await n()
  assert.ok(loaded > 0)
  const again = await importer(`${FIXTURES}ndc`)
  assert.match(again.stdout, /fda:fda_ndc_unfinished_product\.tsv: unchanged/)
  assert.equal(await n(), loaded)
  await db.close()
  await assert.rejects(
    importer(`${FIXTURES}ddi`),
    (err: any) => err.code === 1 && /import failed: ddi is not, and does not hold, a file the importer reads/.test(err.stderr),
  )
})
