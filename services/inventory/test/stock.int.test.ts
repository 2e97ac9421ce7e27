import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { ledgerMismatches } from '../src/db/batch.repository.ts'
import { DEFAULT_LOCATION_ID } from '../src/db/location.repository.ts'
import { demoStockSeeder, seedDemoStock } from '../src/application/seed-demo-stock.ts'
import { depsFor, drug, inDays, outbox, startCatalogStub, startWithCatalogStub } from './support.ts'

const amoxicillin = drug('Amoxicillin 500 mg capsule')
const ibuprofen = drug('Ibuprofen 200 mg tablet')
const oxycodone = drug('Amoxicillin-oxycodone demo', { dea_schedule: 'CII' })
let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime
let admin: string

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub([amoxicillin, ibuprofen, oxycodone], { env: { APOTHECA_DEMO: '1' } }))
  admin = await rt.token('admin')
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

/** A drug the catalog knows, for one test alone. */
function knownDrug() {
  const d = drug(`Testdrug ${randomUUID()}`)
  catalog.state.drugs.push(d)
  return d.drug_id
}
const adjust = (drugId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  rt.request('PUT', `/inventory/${drugId}/adjust`, { token: admin, body, headers })

test('receiving a new batch creates it at the default location, with a ledger row and an event', async () => {
  const drugId = knownDrug()
  const r = await adjust(drugId, { quantity_delta: 30, reason: 'received', batch_number: 'LOT-1', expiry_date: inDays(400) })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.quantity_on_hand, 30)
  assert.deepEqual(r.json.batch, {
    batch_number: 'LOT-1',
    expiry_date: inDays(400),
    quantity_on_hand: 30,
    quantity_reserved: 0,
    status: 'available',
    location_id: DEFAULT_LOCATION_ID,
    version: 1,
  })
  assert.equal(r.headers.etag, '"1"')
  const again = await adjust(drugId, { quantity_delta: 20, reason: 'received', batch_number: 'LOT-2', expiry_date: inDays(200) })
  assert.equal(again.json.quantity_on_hand, 50)
  const stock = await rt.request('GET', `/inventory/${drugId}`, { token: await rt.token('pharmacist') })
  assert.equal(stock.status, 200)
  assert.deepEqual([stock.json.quantity_on_hand, stock.json.quantity_reserved, stock.json.quantity_available], [50, 0, 50])
  assert.deepEqual(
    stock.json.batches.map((b: any) => b.batch_number),
    ['LOT-2', 'LOT-1'],
  )
  const events = await outbox(rt, drugId)
  assert.deepEqual(
    events.map((e) => [e.type, e.payload.reason, e.payload.quantity_on_hand]),
    [
      ['inventory.stock.adjusted.v1', 'received', 30],
      ['inventory.stock.adjusted.v1', 'received', 50],
    ],
  )
})

test('removing more than is on hand is a 409 and changes nothing', async () => {
  const drugId = knownDrug()
  await adjust(drugId, { quantity_delta: 100, reason: 'received', batch_number: 'LOT-X', expiry_date: '2031-01-31' })
  const bad = await adjust(drugId, { quantity_delta: -1000000, reason: 'damaged', batch_number: 'LOT-X' })
  assert.equal(bad.status, 409)
  assert.match(bad.json.type, /insufficient-stock/)
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/)
  const stock = await rt.request('GET', `/inventory/${drugId}`, { token: admin })
  assert.equal(stock.json.quantity_on_hand, 100)
  assert.equal(stock.json.batches[0].version, 1)
  assert.equal((await outbox(rt, drugId)).length, 1)
  const ok = await adjust(drugId, { quantity_delta: -100, reason: 'damaged', batch_number: 'LOT-X' })
  assert.equal(ok.json.quantity_on_hand, 0)
})

test('refusals: unknown drug 404, unknown batch 404, missing or past expiry 422, wrong role 403, bad body 400', async () => {
  const drugId = knownDrug()
  assert.equal(
    (await adjust(randomUUID(), { quantity_delta: 1, reason: 'received', batch_number: 'L', expiry_date: '2030-01-01' })).status,
    404,
  )
  assert.equal((await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'NOPE' })).status, 404)
  assert.equal(
    (await adjust(drugId, { quantity_delta: 5, reason: 'received', batch_number: 'L' })).json.type.endsWith('expiry-date-required'),
    true,
  )
  assert.equal((await adjust(drugId, { quantity_delta: 5, reason: 'received', batch_number: 'L', expiry_date: '2020-01-01' })).status, 422)
  assert.equal((await adjust(drugId, { quantity_delta: 5, reason: 'received', batch_number: 'L', expiry_date: '2030-02-30' })).status, 400)
  assert.equal((await adjust(drugId, { quantity_delta: 5, reason: 'sold', batch_number: 'L' })).status, 400)
  const asPatient = await rt.request('PUT', `/inventory/${drugId}/adjust`, {
    token: await rt.token('patient'),
    body: { quantity_delta: 5, reason: 'received', batch_number: 'L', expiry_date: '2030-01-01' },
  })
  assert.equal(asPatient.status, 403)
  assert.equal((await rt.request('GET', `/inventory/${randomUUID()}`, { token: admin })).status, 404)
  assert.equal((await rt.request('GET', `/inventory/${drugId}`, { token: admin })).json.quantity_on_hand, 0)
  assert.equal((await rt.request('GET', `/inventory/${drugId}`, { token: await rt.token('patient') })).status, 403)
  assert.deepEqual(await outbox(rt, drugId), [])
})

test('quarantine takes a batch out of what can be sold; recall is final', async () => {
  const drugId = knownDrug()
  await adjust(drugId, { quantity_delta: 10, reason: 'received', batch_number: 'Q-1', expiry_date: '2031-01-01' })
  const q = await adjust(drugId, { quantity_delta: 0, reason: 'quarantine', batch_number: 'Q-1' })
  assert.equal(q.json.batch.status, 'quarantined')
  assert.equal(q.json.quantity_available, 0)
  assert.equal((await adjust(drugId, { quantity_delta: 0, reason: 'release', batch_number: 'Q-1' })).json.batch.status, 'available')
  assert.equal((await adjust(drugId, { quantity_delta: -2, reason: 'recall', batch_number: 'Q-1' })).json.batch.status, 'recalled')
  const back = await adjust(drugId, { quantity_delta: 0, reason: 'release', batch_number: 'Q-1' })
  assert.equal(back.status, 409)
})

test('Idempotency-Key replays the first answer; If-Match refuses a stale version', async () => {
  const drugId = knownDrug()
  const body = { quantity_delta: 12, reason: 'received', batch_number: 'IDEM-1', expiry_date: '2031-05-01' }
  const key = { 'idempotency-key': randomUUID() }
  const first = await adjust(drugId, body, key)
  const second = await adjust(drugId, body, key)
  assert.equal(second.status, 200)
  assert.deepEqual(second.json, first.json)
  assert.equal(second.headers['idempotent-replayed'], 'true')
  assert.equal((await adjust(drugId, { ...body, quantity_delta: 13 }, key)).status, 422)
  const stale = await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'IDEM-1' }, { 'if-match': '"7"' })
  assert.equal(stale.status, 412)
  const fresh = await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'IDEM-1' }, { 'if-match': '"1"' })
  assert.equal(fresh.status, 200)
  assert.equal(fresh.json.quantity_on_hand, 11)
  // W/"2" and * are versions too; anything else is refused by the header's schema, naming it, and changes nothing.
  assert.equal(
    (await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'IDEM-1' }, { 'if-match': 'W/"2"' })).status,
    200,
  )
  for (const bad of ['abc', '1 2', 'W/', '"1""']) {
    const r = await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'IDEM-1' }, { 'if-match': bad })
    assert.deepEqual([r.status, r.json.errors?.[0]?.field], [400, 'headers.if-match'], bad)
  }
  const after = await rt.request('GET', `/inventory/${drugId}`, { token: await rt.token('admin') })
  assert.equal(after.json.quantity_on_hand, 10)
})

test('concurrent adjustments never take a batch below zero, and on hand always equals the ledger', async () => {
  const drugId = knownDrug()
  await adjust(drugId, { quantity_delta: 10, reason: 'received', batch_number: 'RACE', expiry_date: '2031-01-01' })
  const answers = await Promise.all(
    Array.from({ length: 15 }, () => adjust(drugId, { quantity_delta: -1, reason: 'dispensed', batch_number: 'RACE' })),
  )
  assert.equal(answers.filter((a) => a.status === 200).length, 10)
  assert.equal(answers.filter((a) => a.status === 409).length, 5)
  assert.deepEqual(await ledgerMismatches(rt.db), [])
  await assert.rejects(rt.db.query(`UPDATE inventory.ledger SET quantity_delta = 0`), /append-only/)
})

test('demo stock: the first few catalog results of common medicines, two batches each, controlled drugs left out, never twice', async () => {
  await rt.drain()
  const { rows } = await rt.db.query<{ drug_id: string; n: number; dates: number }>(
    `SELECT drug_id, count(*)::int AS n, count(DISTINCT expiry_date)::int AS dates FROM inventory.batches
     WHERE batch_number LIKE 'DEMO-%' AND drug_id = ANY($1::uuid[]) GROUP BY drug_id`,
    [[amoxicillin, ibuprofen, oxycodone].map((d) => d.drug_id)],
  )
  assert.deepEqual(rows.map((r) => r.drug_id).sort(), [amoxicillin.drug_id, ibuprofen.drug_id].sort())
  assert.ok(rows.every((r) => r.n === 2 && r.dates === 2))
  const searches = catalog.state.searches
  assert.deepEqual(await seedDemoStock(depsFor(rt, catalog.url)), { drugs: 0, batches: 0, skipped: true })
  assert.equal(catalog.state.searches, searches)
  await rt.db.query(`DELETE FROM inventory.demo_seeds`)
  assert.deepEqual(await seedDemoStock(depsFor(rt, catalog.url)), { drugs: 2, batches: 0 })
  const stock = await rt.request('GET', `/inventory/${amoxicillin.drug_id}`, { token: admin })
  assert.equal(stock.json.quantity_available, 160)
})

test('demo stock waits for a catalog that is not answering yet, and the retry job stocks it once it does', async () => {
  const loratadine = drug('Loratadine 10 mg tablet')
  const late = await startCatalogStub([loratadine])
  try {
    late.state.down = true
    await rt.db.query(`DELETE FROM inventory.demo_seeds`)
    const seeder = demoStockSeeder(depsFor(rt, late.url))
    await seeder.seed()
    assert.equal((await rt.request('GET', `/inventory/${loratadine.drug_id}`, { token: admin })).status, 404)
    late.state.down = false
    await seeder.job.run()
    const stock = await rt.request('GET', `/inventory/${loratadine.drug_id}`, { token: admin })
    assert.deepEqual(
      stock.json.batches.map((b: any) => b.batch_number),
      [`DEMO-${loratadine.ndc_code}-A`, `DEMO-${loratadine.ndc_code}-B`],
    )
    const searches = late.state.searches
    await seeder.job.run()
    assert.equal(late.state.searches, searches)
  } finally {
    await late.close()
  }
})

test('the catalog is asked about a drug once; when it is down, a new drug is a 503 and a known one still adjusts', async () => {
  const drugId = knownDrug()
  const gets = catalog.state.gets
  await adjust(drugId, { quantity_delta: 5, reason: 'received', batch_number: 'ONCE', expiry_date: inDays(300) })
  await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'ONCE' })
  assert.equal(catalog.state.gets, gets + 1)
  catalog.state.down = true
  try {
    const fresh = await adjust(knownDrug(), { quantity_delta: 5, reason: 'received', batch_number: 'DOWN', expiry_date: inDays(300) })
    assert.equal(fresh.status, 503)
    assert.match(fresh.json.type, /catalog-unavailable/)
    assert.equal((await adjust(drugId, { quantity_delta: -1, reason: 'damaged', batch_number: 'ONCE' })).status, 200)
  } finally {
    catalog.state.down = false
  }
})

test('the routes are in the OpenAPI document', async () => {
  const r = await rt.request('GET', '/openapi.json')
  assert.ok(r.json.paths['/inventory/{drugId}/adjust'].put)
  assert.ok(r.json.paths['/inventory/{drugId}'].get)
  assert.ok(r.json.paths['/internal/reservations'].post)
})
