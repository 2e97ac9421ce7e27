import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventSchemas } from '@apotheca/contracts'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { runStockAlerts } from '../src/application/stock-alerts.ts'
import { depsFor, drug, inDays, internalToken, outbox, startCatalogStub, startWithCatalogStub, stockBatch } from './support.ts'

let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub())
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const job = (daysLater = 0) => runStockAlerts(depsFor(rt, catalog.url, () => new Date(Date.now() + daysLater * 86_400_000)))
const events = async (drugId: string, type: string) =>
  (await outbox(rt, drugId)).filter((e) => e.type === type).map((e) => eventSchemas[type as 'inventory.stock.low.v1'].parse(e.payload))
const reserve = async (drugId: string, quantity: number) =>
  (
    await rt.request('POST', '/internal/reservations', {
      token: await internalToken(),
      body: { order_id: randomUUID(), patient_id: randomUUID(), items: [{ drug_id: drugId, quantity }] },
    })
  ).json

test('a reorder point is announced once per dip and re-armed when stock is back', async () => {
  const d = drug(`Reorder ${randomUUID()}`)
  catalog.state.drugs.push(d)
  await stockBatch(rt, { drug_id: d.drug_id, batch_number: 'RP', expiry_date: inDays(300), quantity: 10 })
  const set = await rt.request('PUT', `/inventory/${d.drug_id}/reorder-point`, {
    token: await rt.token('technician'),
    body: { reorder_point: 5 },
  })
  assert.equal(set.status, 200, JSON.stringify(set.json))
  await job()
  assert.equal((await events(d.drug_id, 'inventory.stock.low.v1')).length, 0)
  const held = await reserve(d.drug_id, 6)
  await job()
  await job()
  assert.deepEqual(
    (await events(d.drug_id, 'inventory.stock.low.v1')).map((e) => [e.quantity_available, e.reorder_point]),
    [[4, 5]],
  )
  await rt.request('POST', `/internal/reservations/${held.reservation_id}/release`, {
    token: await internalToken(),
    body: { reason: 'test' },
  })
  await job()
  await reserve(d.drug_id, 7)
  await job()
  assert.deepEqual(
    (await events(d.drug_id, 'inventory.stock.low.v1')).map((e) => e.quantity_available),
    [4, 3],
  )
})

test('expiry alerts at 90, 60 and 30 days, each once, the nearest only when several are reached at once', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'E-80', expiry_date: inDays(80), quantity: 3 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'E-20', expiry_date: inDays(20), quantity: 3 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'E-200', expiry_date: inDays(200), quantity: 3 })
  await job()
  await job()
  const first = (await events(drugId, 'inventory.stock.expiring.v1')) as any[]
  assert.deepEqual(first.map((e) => [e.batch_number, e.threshold_days, e.days_left]).sort(), [
    ['E-20', 30, 20],
    ['E-80', 90, 80],
  ])
  await job(25)
  const later = (await events(drugId, 'inventory.stock.expiring.v1')) as any[]
  assert.deepEqual(
    later.slice(2).map((e) => [e.batch_number, e.threshold_days]),
    [['E-80', 60]],
  )
})

test('reorder point refusals: negative 400, unknown drug 404, a patient 403', async () => {
  const d = drug(`Reorder ${randomUUID()}`)
  catalog.state.drugs.push(d)
  const token = await rt.token('admin')
  assert.equal((await rt.request('PUT', `/inventory/${d.drug_id}/reorder-point`, { token, body: { reorder_point: -1 } })).status, 400)
  assert.equal((await rt.request('PUT', `/inventory/${randomUUID()}/reorder-point`, { token, body: { reorder_point: 1 } })).status, 404)
  assert.equal(
    (await rt.request('PUT', `/inventory/${d.drug_id}/reorder-point`, { token: await rt.token('patient'), body: { reorder_point: 1 } }))
      .status,
    403,
  )
  assert.equal(
    (await rt.request('PUT', `/inventory/${d.drug_id}/reorder-point`, { token, body: { reorder_point: 1, location_id: randomUUID() } }))
      .status,
    422,
  )
})
