import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { catalogClient } from '@apotheca/contracts'
import { createLogger, createPublisher, createServiceCaller, internalTokens } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import { SHIPPED_FILES, importCatalog } from '../src/application/import-catalog.ts'

// One runtime per file: demo mode loads the real catalog files once (a few seconds).
let rt: TestRuntime
const INTERNAL_SECRET = 'catalog-test-internal-secret-0123456789'
before(async () => {
  rt = await startTestRuntime({ modules: [catalog], env: { APOTHECA_DEMO: '1', APOTHECA_INTERNAL_SECRET: INTERNAL_SECRET } })
})
after(async () => {
  await rt?.close()
})

const lines = (file: URL) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean)
const ruleLines = lines(SHIPPED_FILES.interactions)
const rule = (a: string, b: string) => ruleLines.map((l) => l.split('\t')).find(([x, y]) => (x === a && y === b) || (x === b && y === a))
const count = async (table: string) => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n
const deps = () => ({ db: rt.db, publish: createPublisher('catalog', () => {}), log: createLogger('silent') })

/** The first drug with exactly this one ingredient (found through the API, not hard-coded). */
async function drugWith(ingredient: string): Promise<{ drug_id: string; active_ingredients: string[] }> {
  const r = await rt.request('GET', `/drugs/search?ingredient=${encodeURIComponent(ingredient)}&limit=100`)
  const d = r.json.results.find((x: any) => x.active_ingredients.length === 1 && x.active_ingredients[0] === ingredient)
  assert.ok(d, `a single-ingredient ${ingredient} product`)
  return d
}

test('the first start loads every row of both files and publishes catalog.import.completed.v1 for each', async () => {
  assert.equal(await count('catalog.drugs'), lines(SHIPPED_FILES.drugs).length)
  assert.equal(await count('catalog.interactions'), ruleLines.length)
  assert.equal(await count('catalog.drugs_staging'), 0)
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM catalog.outbox WHERE type = 'catalog.import.completed.v1' ORDER BY seq`,
  )
  assert.deepEqual(
    rows.map((r) => r.payload.source),
    ['drugs.tsv.gz', 'interactions.tsv.gz'],
  )
  assert.equal(rows[0]!.payload.upserted, lines(SHIPPED_FILES.drugs).length)
  assert.equal(rows[0]!.payload.skipped, 0)
})

test('a second start skips the unchanged files: same sha256, nothing imported', async () => {
  const again = await importCatalog(deps())
  assert.deepEqual(
    again.map((r) => [r.source, r.status]),
    [
      ['drugs.tsv.gz', 'unchanged'],
      ['interactions.tsv.gz', 'unchanged'],
    ],
  )
})

test('a forced re-run updates only changed rows, changes no row count, and its event clears the drug cache', async () => {
  const before = {
    drugs: await count('catalog.drugs'),
    rules: await count('catalog.interactions'),
    terms: await count('catalog.search_terms'),
  }
  const drug = await drugWith('amoxicillin')
  const original = (await rt.request('GET', `/drugs/${drug.drug_id}`)).json
  await rt.db.query(`UPDATE catalog.drugs SET name = 'Tampered' WHERE drug_id = $1`, [drug.drug_id])
  assert.equal((await rt.request('GET', `/drugs/${drug.drug_id}`)).json.name, original.name, 'served from the cache')

  const r = await rt.request('POST', '/catalog/imports', { token: await rt.token('admin'), body: { force: true } })
  assert.equal(r.status, 200)
  assert.deepEqual(
    r.json.imports.map((i: any) => [i.status, i.upserted, i.skipped]),
    [
      ['imported', 1, before.drugs - 1],
      ['imported', 0, before.rules],
    ],
  )
  assert.deepEqual(
    { drugs: await count('catalog.drugs'), rules: await count('catalog.interactions'), terms: await count('catalog.search_terms') },
    before,
  )
  await rt.drain()
  assert.equal((await rt.request('GET', `/drugs/${drug.drug_id}`)).json.name, original.name)

  await rt.db.query(`UPDATE catalog.drugs SET name = 'Changed' WHERE drug_id = $1`, [drug.drug_id])
  assert.equal((await rt.request('GET', `/drugs/${drug.drug_id}`)).json.name, original.name, 'served from the cache')
  const event = {
    id: randomUUID(),
    type: 'catalog.import.completed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: randomUUID(),
    version: 1,
    traceparent: null,
    payload: { import_id: randomUUID(), source: 'drugs.tsv.gz', upserted: 1, skipped: 0 },
  } as any
  await rt.bus.publish([event])
  assert.equal((await rt.request('GET', `/drugs/${drug.drug_id}`)).json.name, 'Changed', 'the cache was cleared')
  await rt.db.query(`UPDATE catalog.drugs SET name = $2 WHERE drug_id = $1`, [drug.drug_id, original.name])
})

test('only an admin may start an import; without force, unchanged files are skipped', async () => {
  assert.equal((await rt.request('POST', '/catalog/imports', { body: {} })).status, 401)
  assert.equal((await rt.request('POST', '/catalog/imports', { token: await rt.token('pharmacist'), body: {} })).status, 403)
  const r = await rt.request('POST', '/catalog/imports', { token: await rt.token('admin'), body: {} })
  assert.equal(r.status, 200)
  assert.deepEqual(
    r.json.imports.map((i: any) => i.status),
    ['unchanged', 'unchanged'],
  )
})

test('an import needs a body: none, or one that is not an object of known fields, is a 400 and imports nothing', async () => {
  const token = await rt.token('admin')
  const imports = () => count('catalog.imports')
  const before = await imports()
  for (const body of [undefined, [], { force: 'yes' }, { forced: true }]) {
    const r = await rt.request('POST', '/catalog/imports', { token, ...(body === undefined ? {} : { body }) })
    assert.equal(r.status, 400, JSON.stringify(body))
    assert.equal(r.json.type, 'https://apotheca.dev/problems/validation')
    assert.match(r.json.errors[0].field, /^body/)
  }
  assert.equal(await imports(), before)
  const doc = (await rt.request('GET', '/openapi.json')).json
  assert.equal(doc.paths['/catalog/imports'].post.requestBody.required, true)
})

test('an interacting pair from the data is reported once, with its severity and source', async () => {
  const listed = rule('phenelzine', 'sertraline')
  assert.ok(listed, 'phenelzine × sertraline is in interactions.tsv.gz')
  const [sertraline, phenelzine, amoxicillin] = await Promise.all([drugWith('sertraline'), drugWith('phenelzine'), drugWith('amoxicillin')])
  const r = await rt.request('POST', '/interactions/check', {
    token: await rt.token('patient'),
    body: { drug_ids: [sertraline.drug_id, amoxicillin.drug_id, phenelzine.drug_id] },
  })
  assert.equal(r.status, 200)
  assert.deepEqual(r.json.interactions, [
    {
      drug_ids: [sertraline.drug_id, phenelzine.drug_id],
      ingredients: ['sertraline', 'phenelzine'],
      severity: listed[2],
      description: listed[3],
      source: listed[4],
    },
  ])
})

test('each pair among several drugs is checked; a salt form matches its base name', async () => {
  const warfarinAmiodarone = rule('amiodarone', 'warfarin')
  const lithiumBenazepril = rule('benazepril', 'lithium')
  assert.ok(warfarinAmiodarone && lithiumBenazepril, 'both pairs are in interactions.tsv.gz')
  const [warfarin, amiodarone, lithium, benazepril] = await Promise.all([
    drugWith('warfarin'),
    drugWith('amiodarone'),
    drugWith('lithium citrate'),
    drugWith('benazepril'),
  ])
  const r = await rt.request('POST', '/interactions/check', {
    token: await rt.token('pharmacist'),
    body: { drug_ids: [warfarin.drug_id, lithium.drug_id, amiodarone.drug_id, benazepril.drug_id] },
  })
  assert.equal(r.status, 200)
  const byPair = new Map(r.json.interactions.map((i: any) => [i.ingredients.join(' + '), i.severity]))
  assert.equal(byPair.get('warfarin + amiodarone'), warfarinAmiodarone[2])
  assert.equal(byPair.get('lithium citrate + benazepril'), lithiumBenazepril[2])
  const pairs = r.json.interactions.map((i: any) => i.drug_ids.join())
  assert.equal(new Set(pairs).size, pairs.length, 'each pair once')
  const rank = ['high', 'moderate', 'low']
  const severities = r.json.interactions.map((i: any) => rank.indexOf(i.severity))
  assert.deepEqual(severities, [...severities].sort(), 'strongest first')
})

test('unknown drugs are a 404 listing them; fewer than two drugs is a 400; callers must sign in', async () => {
  const known = await drugWith('amoxicillin')
  const unknown = [randomUUID(), randomUUID()]
  const token = await rt.token('practitioner')
  const r = await rt.request('POST', '/interactions/check', { token, body: { drug_ids: [known.drug_id, ...unknown] } })
  assert.equal(r.status, 404)
  assert.deepEqual([...r.json.drug_ids].sort(), [...unknown].sort())
  const one = await rt.request('POST', '/interactions/check', { token, body: { drug_ids: [known.drug_id] } })
  assert.equal(one.status, 400)
  assert.equal(one.json.errors[0].field, 'body.drug_ids')
  const badId = await rt.request('POST', '/interactions/check', { token, body: { drug_ids: [known.drug_id, 'nope'] } })
  assert.equal(badId.status, 400)
  assert.equal((await rt.request('POST', '/interactions/check', { body: { drug_ids: [known.drug_id, known.drug_id] } })).status, 401)
  assert.equal(
    (
      await rt.request('POST', '/interactions/check', {
        token: await rt.token('driver'),
        body: { drug_ids: [known.drug_id, known.drug_id] },
      })
    ).status,
    403,
  )
})

test('the patient form needs prescriptions: unreachable (not in this process, no address) → 503 problem', async () => {
  const known = await drugWith('amoxicillin')
  const r = await rt.request('POST', '/interactions/check', {
    token: await rt.token('pharmacist'),
    body: { patient_id: randomUUID(), drug_ids: [known.drug_id] },
  })
  assert.equal(r.status, 503)
  assert.equal(r.json.type, 'https://apotheca.dev/problems/dependency-unavailable')
})

test('ONC class rules catch class members the lists do not name, through the drugs’ ATC codes', async () => {
  const onc = readFileSync(new URL('../../../fixtures/ddi/onc_high_priority_ddi_pairs.csv', import.meta.url), 'utf8').toLowerCase()
  const token = await rt.token('pharmacist')
  // Triptans × MAO inhibitors names rizatriptan, sumatriptan, zolmitriptan; almotriptan (N02CC05) is a triptan it does not name.
  // Ergot alkaloids × azoles names "voreconazole" (sic), so voriconazole (J02AC03) is caught by its class only.
  for (const [a, b] of [
    ['almotriptan', 'phenelzine'],
    ['dihydroergotamine', 'voriconazole'],
  ] as const) {
    assert.ok(!onc.includes(`,${a},`) || !onc.includes(`,${b},`), `${a} or ${b} is not named in the ONC list`)
    assert.equal(rule(a, b), undefined, `no ingredient rule ${a} × ${b}`)
    const [x, y] = await Promise.all([drugWith(a), drugWith(b)])
    const r = await rt.request('POST', '/interactions/check', { token, body: { drug_ids: [x.drug_id, y.drug_id] } })
    assert.equal(r.status, 200)
    assert.equal(r.json.interactions.length, 1, `${a} × ${b}`)
    const [hit] = r.json.interactions
    assert.deepEqual([hit.severity, hit.source, hit.ingredients], ['high', 'onc_high_priority_class', [a, b]])
    assert.match(hit.description, /class rule/)
  }
  // Pravastatin is not CYP3A4-metabolised: the statin × macrolide class rule leaves it out (atc-classes.ts).
  const [pravastatin, clarithromycin] = await Promise.all([drugWith('pravastatin'), drugWith('clarithromycin')])
  const r = await rt.request('POST', '/interactions/check', { token, body: { drug_ids: [pravastatin.drug_id, clarithromycin.drug_id] } })
  assert.ok(r.json.interactions.every((i: any) => i.source !== 'onc_high_priority_class'))
})

test('other services check through the contracts client on the internal twin route; a user token is refused there', async () => {
  const caller = createServiceCaller({
    local: new Set(['catalog']),
    app: () => rt.app,
    urls: {},
    token: internalTokens(INTERNAL_SECRET, 'prescriptions').mint,
  })
  const [sertraline, phenelzine] = await Promise.all([drugWith('sertraline'), drugWith('phenelzine')])
  const found = await catalogClient(caller).checkInteractions([sertraline.drug_id, phenelzine.drug_id])
  assert.deepEqual(
    found.map((i) => [i.ingredients, i.severity]),
    [[['sertraline', 'phenelzine'], rule('phenelzine', 'sertraline')![2]]],
  )
  const asPatient = await rt.request('POST', '/internal/interactions/check', {
    token: await rt.token('patient'),
    body: { drug_ids: [sertraline.drug_id, phenelzine.drug_id] },
  })
  assert.ok([401, 403].includes(asPatient.status))
})

test('search pages are cached too, and a catalog event clears them', async () => {
  const drug = await drugWith('warfarin')
  const url = `/drugs/search?ndc=${(drug as any).ndc_code}`
  const original = (await rt.request('GET', url)).json.results[0].name
  await rt.db.query(`UPDATE catalog.drugs SET name = 'Renamed' WHERE drug_id = $1`, [drug.drug_id])
  assert.equal((await rt.request('GET', url)).json.results[0].name, original, 'served from the search cache')
  const event = {
    id: randomUUID(),
    type: 'catalog.import.completed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: randomUUID(),
    version: 1,
    traceparent: null,
    payload: { import_id: randomUUID(), source: 'drugs.tsv.gz', upserted: 1, skipped: 0 },
  } as any
  await rt.bus.publish([event])
  assert.equal((await rt.request('GET', url)).json.results[0].name, 'Renamed', 'the search cache was cleared')
  await rt.db.query(`UPDATE catalog.drugs SET name = $2 WHERE drug_id = $1`, [drug.drug_id, original])
  await rt.bus.publish([{ ...event, id: randomUUID() }])
})
