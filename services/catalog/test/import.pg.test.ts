import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { createLogger, createPublisher } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import { SHIPPED_FILES, importCatalog } from '../src/application/import-catalog.ts'

// PostgreSQL: the load goes through COPY FROM STDIN (pg-copy-streams). The database is shared by the
// suite, so the catalog may already be loaded by another file: the import is then skipped by its hash.
let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [catalog], backend: 'postgres', env: { APOTHECA_DEMO: '1' } })
})
after(async () => {
  await rt?.close()
})

const rows = (file: URL) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean).length
const count = async (table: string) => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n

test('on PostgreSQL the files load through COPY FROM STDIN, and a forced re-run changes no row count', async () => {
  assert.equal(await count('catalog.drugs'), rows(SHIPPED_FILES.drugs))
  assert.equal(await count('catalog.interactions'), rows(SHIPPED_FILES.interactions))
  const forced = await importCatalog(
    { db: rt.db, publish: createPublisher('catalog', () => {}), log: createLogger('silent') },
    { force: true },
  )
  assert.deepEqual(
    forced.map((r) => [r.status, r.upserted]),
    [
      ['imported', 0],
      ['imported', 0],
    ],
  )
  assert.equal(await count('catalog.drugs'), rows(SHIPPED_FILES.drugs))
})

test('on PostgreSQL search ranks, NDC forms resolve and interactions are found', async () => {
  const r = await rt.request('GET', '/drugs/search?q=amoxicilin')
  assert.equal(r.status, 200)
  const hit = r.json.results[0]
  assert.ok(hit.active_ingredients.includes('amoxicillin'))
  const byNdc = await rt.request('GET', `/drugs/search?ndc=${hit.ndc_code.replaceAll('-', '')}`)
  assert.ok(byNdc.json.results.some((d: any) => d.drug_id === hit.drug_id))
  const find = async (i: string) =>
    (await rt.request('GET', `/drugs/search?ingredient=${i}&limit=100`)).json.results.find((d: any) => d.active_ingredients.length === 1)
  const [sertraline, phenelzine] = await Promise.all([find('sertraline'), find('phenelzine')])
  const check = await rt.request('POST', '/interactions/check', {
    token: await rt.token('patient'),
    body: { drug_ids: [sertraline.drug_id, phenelzine.drug_id] },
  })
  assert.equal(check.status, 200)
  assert.equal(check.json.interactions.length, 1)
})
