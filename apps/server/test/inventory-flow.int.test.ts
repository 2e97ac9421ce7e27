import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { internalTokens } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../src/modules.ts'

const INTERNAL_SECRET = 'inventory-flow-internal-secret-0123456789'
let rt: TestRuntime
let admin: string

before(async () => {
  rt = await startTestRuntime({
    modules: modulesFor(['catalog', 'inventory']),
    env: { APOTHECA_DEMO: '1', APOTHECA_INTERNAL_SECRET: INTERNAL_SECRET },
  })
  admin = await rt.token('admin')
})
after(async () => {
  await rt?.close()
})

async function findDrug(q: string) {
  const r = await rt.request('GET', `/drugs/search?q=${encodeURIComponent(q)}`, { token: admin })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  const drug = r.json.results.find((d: any) => !d.dea_schedule)
  assert.ok(drug, `the catalog finds ${q}`)
  return drug as { drug_id: string; ndc_code: string }
}

test('demo stock: common medicines from the catalog are on the shelf, in two batches each', async () => {
  const drug = await findDrug('ibuprofen')
  const stock = await rt.request('GET', `/inventory/${drug.drug_id}`, { token: await rt.token('pharmacist') })
  assert.equal(stock.status, 200)
  assert.ok(stock.json.quantity_available > 0, JSON.stringify(stock.json))
  const demo = stock.json.batches.filter((b: any) => b.batch_number.startsWith('DEMO-'))
  assert.equal(demo.length, 2)
  assert.notEqual(demo[0].expiry_date, demo[1].expiry_date)
})

test('an administrator receives stock of a catalog drug; removing more than is on hand is a 409', async () => {
  const drug = await findDrug('amoxicillin')
  const id = drug.drug_id
  const lot = `LOT-${randomUUID().slice(0, 8)}`
  const onHandBefore = (await rt.request('GET', `/inventory/${id}`, { token: admin })).json.quantity_on_hand
  const r = await rt.request('PUT', `/inventory/${id}/adjust`, {
    token: admin,
    body: { quantity_delta: 100, reason: 'received', batch_number: lot, expiry_date: '2031-01-31' },
  })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.quantity_on_hand, onHandBefore + 100)
  const bad = await rt.request('PUT', `/inventory/${id}/adjust`, {
    token: admin,
    body: { quantity_delta: -1000000, reason: 'damaged', batch_number: lot },
  })
  assert.equal(bad.status, 409)
  assert.equal((await rt.request('GET', `/inventory/${id}`, { token: admin })).json.quantity_on_hand, onHandBefore + 100)
  const unknown = await rt.request('PUT', `/inventory/${randomUUID()}/adjust`, {
    token: admin,
    body: { quantity_delta: 1, reason: 'received', batch_number: lot, expiry_date: '2031-01-31' },
  })
  assert.equal(unknown.status, 404)
})

test('checkout holds the stock, fulfilment dispenses it and says what to ship', async () => {
  const drug = await findDrug('metformin')
  const token = await internalTokens(INTERNAL_SECRET, 'orders').mint()
  const order = { order_id: randomUUID(), patient_id: randomUUID(), items: [{ drug_id: drug.drug_id, quantity: 2 }] }
  const held = await rt.request('POST', '/internal/reservations', { token, body: order })
  assert.equal(held.status, 201, JSON.stringify(held.json))
  const onHand = (await rt.request('GET', `/inventory/${drug.drug_id}`, { token: admin })).json.quantity_on_hand
  const payload = { order_id: order.order_id, patient_id: order.patient_id, reservation_id: held.json.reservation_id, actor_id: null }
  await rt.bus.publish([
    {
      id: randomUUID(),
      type: 'orders.order.fulfilment_requested.v1',
      occurred_at: new Date().toISOString(),
      aggregate_id: order.order_id,
      version: 1,
      payload,
      traceparent: null,
    },
  ])
  const afterFulfil = (await rt.request('GET', `/inventory/${drug.drug_id}`, { token: admin })).json
  assert.equal(afterFulfil.quantity_on_hand, onHand - 2)
  assert.equal(afterFulfil.quantity_reserved, 0)
})
