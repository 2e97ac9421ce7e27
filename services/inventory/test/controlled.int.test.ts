import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { drug, envelope, inDays, internalToken, startCatalogStub, startWithCatalogStub, stockBatch } from './support.ts'

let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub())
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const alice = randomUUID()
const bob = randomUUID()
const as = (role: 'admin' | 'technician' | 'pharmacist' | 'patient', sub: string) => rt.token(role, { sub })
const adjust = async (drugId: string, body: Record<string, unknown>, token: string) =>
  rt.request('PUT', `/inventory/${drugId}/adjust`, { token, body })
const register = async (drugId: string) =>
  (await rt.request('GET', `/inventory/${drugId}/register`, { token: await as('pharmacist', bob) })).json

test('a controlled substance keeps a running balance per location, and a count waits for a second person', async () => {
  const d = drug(`Oxycodone ${randomUUID()}`, { dea_schedule: 'CII' })
  catalog.state.drugs.push(d)
  const tech = await as('technician', alice)
  assert.equal(
    (await adjust(d.drug_id, { quantity_delta: 20, reason: 'received', batch_number: 'C-1', expiry_date: inDays(300) }, tech)).status,
    200,
  )
  const damaged = await adjust(d.drug_id, { quantity_delta: -3, reason: 'damaged', batch_number: 'C-1' }, tech)
  assert.equal(damaged.status, 200, JSON.stringify(damaged.json))

  const count = await adjust(d.drug_id, { quantity_delta: -2, reason: 'cycle_count', batch_number: 'C-1' }, tech)
  assert.equal(count.status, 202, JSON.stringify(count.json))
  assert.equal(count.json.status, 'pending')
  const stock = async () => (await rt.request('GET', `/inventory/${d.drug_id}`, { token: tech })).json.quantity_on_hand
  assert.equal(await stock(), 17)
  const confirm = async (token: string) => rt.request('POST', `/inventory/adjustments/${count.json.adjustment_id}/confirm`, { token })
  const self = await confirm(await as('admin', alice))
  assert.equal(self.status, 403)
  assert.match(self.json.type, /second-person-required/)
  assert.equal(await stock(), 17)
  const ok = await confirm(await as('pharmacist', bob))
  assert.equal(ok.status, 200, JSON.stringify(ok.json))
  assert.deepEqual([ok.json.quantity_on_hand, ok.json.requested_by, ok.json.confirmed_by], [15, alice, bob])
  assert.equal((await confirm(await as('pharmacist', randomUUID()))).status, 409)

  // Dispensing through a reservation is in the register too.
  const order_id = randomUUID()
  const patient_id = randomUUID()
  const r = await rt.request('POST', '/internal/reservations', {
    token: await internalToken(),
    body: { order_id, patient_id, items: [{ drug_id: d.drug_id, quantity: 4 }] },
  })
  await rt.bus.publish([
    envelope('orders.order.fulfilment_requested.v1', order_id, {
      order_id,
      patient_id,
      reservation_id: r.json.reservation_id,
      actor_id: bob,
    }),
  ])
  const reg = await register(d.drug_id)
  assert.deepEqual(
    reg.entries.map((e: any) => [e.reason, e.quantity_delta, e.balance_after]),
    [
      ['received', 20, 20],
      ['damaged', -3, 17],
      ['cycle_count', -2, 15],
      ['dispensed', -4, 11],
    ],
  )
  assert.deepEqual(
    reg.balances.map((b: any) => b.balance),
    [11],
  )
  assert.equal(await stock(), 11)
})

test('counts of other drugs apply at once; the register is for controlled drugs and staff only', async () => {
  const d = drug(`Ibuprofen ${randomUUID()}`)
  catalog.state.drugs.push(d)
  const tech = await as('technician', alice)
  await adjust(d.drug_id, { quantity_delta: 10, reason: 'received', batch_number: 'N-1', expiry_date: inDays(300) }, tech)
  const count = await adjust(d.drug_id, { quantity_delta: -1, reason: 'cycle_count', batch_number: 'N-1' }, tech)
  assert.deepEqual([count.status, count.json.quantity_on_hand], [200, 9])
  assert.equal((await rt.request('GET', `/inventory/${d.drug_id}/register`, { token: await as('pharmacist', bob) })).status, 404)
  assert.equal((await rt.request('GET', `/inventory/${d.drug_id}/register`, { token: await as('patient', bob) })).status, 403)
  assert.equal(
    (await rt.request('POST', `/inventory/adjustments/${randomUUID()}/confirm`, { token: await as('pharmacist', bob) })).status,
    404,
  )
})

test('a controlled drug stocked before its schedule was learnt opens its register at what is on hand', async () => {
  const d = drug(`Morphine ${randomUUID()}`, { dea_schedule: 'CII' })
  catalog.state.drugs.push(d)
  await stockBatch(rt, { drug_id: d.drug_id, batch_number: 'OLD', expiry_date: inDays(300), quantity: 12 })
  const damaged = await adjust(d.drug_id, { quantity_delta: -2, reason: 'damaged', batch_number: 'OLD' }, await as('technician', alice))
  assert.equal(damaged.status, 200, JSON.stringify(damaged.json))
  const reg = await register(d.drug_id)
  assert.deepEqual(
    reg.entries.map((e: any) => [e.reason, e.balance_after]),
    [['damaged', 10]],
  )
  assert.deepEqual(
    reg.balances.map((b: any) => b.balance),
    [10],
  )
})
