import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { inventoryClient } from '@apotheca/contracts'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { authorisePayment, placeOrder, reserveStock } from '../src/application/checkout-steps.ts'
import { cancelOrder, compensateOrder } from '../src/application/cancel-order.ts'
import { settleOrders } from '../src/application/settle-orders.ts'
import type { OrdersDeps } from '../src/application/deps.ts'
import { drug, envelope, fakePlatform, ordersDepsFor, prescription } from './fakes.ts'

// Crashes between the saga's steps, simulated by running its first steps directly and stopping.
let rt: TestRuntime
let deps: OrdersDeps
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
  deps = ordersDepsFor(rt, ['catalog', 'prescriptions', 'inventory'])
})
after(async () => {
  await rt?.close()
})

async function cartOfOne() {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const d = drug({ rx_only: true, price: { amount: 100, currency: 'USD' } })
  const rx = prescription(patientId, d.drug_id)
  fake.drugs.set(d.drug_id, d)
  fake.prescriptions.set(rx.prescription_id, rx)
  fake.stock.set(d.drug_id, 100)
  await rt.request('POST', '/cart/items', { token, body: { drug_id: d.drug_id, quantity: 30, prescription_id: rx.prescription_id } })
  return { patientId, token, drugId: d.drug_id }
}

/** Runs checkout up to the payment hold, then "crashes". */
async function crashAfterAuthorisation(patientId: string, key: string) {
  const input = { patient_id: patientId, key, payment_method: 'pm_card_visa' }
  const placed = await placeOrder(deps, input)
  const reserved = await reserveStock(deps, placed.order, placed.items)
  await authorisePayment(deps, reserved, input.payment_method)
  return placed.order.order_id
}

const row = async (orderId: string) =>
  (
    await rt.db.query<any>(
      `SELECT order_status, payment_status, reservation_status, compensated_at FROM orders.orders WHERE order_id = $1`,
      [orderId],
    )
  ).rows[0]
const intents = async (orderId: string) =>
  (
    await rt.db.query<any>(
      `SELECT i.status FROM orders.local_payment_intents i JOIN orders.payments p ON p.payment_intent_id = i.id WHERE p.order_id = $1`,
      [orderId],
    )
  ).rows

test('a retry with the same key resumes a checkout that crashed after the payment hold: one order, one hold, one reservation', async () => {
  const c = await cartOfOne()
  const key = randomUUID()
  const orderId = await crashAfterAuthorisation(c.patientId, key)
  const r = await rt.request('POST', '/cart/checkout', {
    token: c.token,
    headers: { 'idempotency-key': key },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.order_id, orderId)
  assert.equal(r.json.payment_status, 'captured')
  assert.deepEqual(await intents(orderId), [{ status: 'succeeded' }])
  assert.equal(fake.reservedOf(c.drugId), 30)
})

test('while a checkout is pending, another key is refused rather than racing for the same cart', async () => {
  const c = await cartOfOne()
  await crashAfterAuthorisation(c.patientId, randomUUID())
  const r = await rt.request('POST', '/cart/checkout', {
    token: c.token,
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(r.status, 409)
  assert.match(r.json.type, /checkout-in-progress/)
})

test('the settle job cancels an abandoned checkout, voids its hold and releases its stock', async () => {
  const c = await cartOfOne()
  const orderId = await crashAfterAuthorisation(c.patientId, randomUUID())
  assert.equal(await settleOrders(deps), 0, 'a fresh checkout is left alone')
  await rt.db.query(`UPDATE orders.orders SET updated_at = now() - interval '1 hour' WHERE order_id = $1`, [orderId])
  assert.ok((await settleOrders(deps)) >= 1)
  const o = await row(orderId)
  assert.deepEqual([o.order_status, o.payment_status, o.reservation_status], ['cancelled', 'voided', 'released'])
  assert.ok(o.compensated_at)
  assert.deepEqual(await intents(orderId), [{ status: 'canceled' }])
  assert.equal(fake.reservedOf(c.drugId), 0)
})

test('a compensation cut short by an outage is finished by the settle job', async () => {
  const c = await cartOfOne()
  const orderId = await crashAfterAuthorisation(c.patientId, randomUUID())
  const down = {
    ...deps,
    services: {
      call: async () => {
        throw new Error('connection refused')
      },
    },
  }
  await cancelOrder(down, orderId, { reason: 'customer_request', actor_id: null })
  await compensateOrder(down, orderId)
  let o = await row(orderId)
  assert.equal(o.compensated_at, null, 'the stock could not be released yet')
  assert.equal(fake.reservedOf(c.drugId), 30)
  await rt.db.query(`UPDATE orders.orders SET updated_at = now() - interval '1 hour' WHERE order_id = $1`, [orderId])
  await settleOrders(deps)
  o = await row(orderId)
  assert.ok(o.compensated_at)
  assert.equal(o.payment_status, 'voided')
  assert.equal(fake.reservedOf(c.drugId), 0)
})

test('a reservation the order never learnt of (crash before recording it) is released when its event finds the order cancelled', async () => {
  const c = await cartOfOne()
  const placed = await placeOrder(deps, { patient_id: c.patientId, key: randomUUID(), payment_method: 'pm_card_visa' })
  const r = await inventoryClient(deps.services).reserve({
    order_id: placed.order.order_id,
    patient_id: c.patientId,
    items: [{ drug_id: c.drugId, quantity: 30 }],
  })
  assert.ok(r.ok)
  await rt.db.query(`UPDATE orders.orders SET reservation_id = NULL, reservation_status = NULL WHERE order_id = $1`, [
    placed.order.order_id,
  ])
  await cancelOrder(deps, placed.order.order_id, { reason: 'checkout_abandoned', actor_id: null })
  await compensateOrder(deps, placed.order.order_id)
  assert.equal(fake.reservedOf(c.drugId), 30)
  const id = r.reservation.reservation_id
  await rt.bus.publish([
    envelope('inventory.reservation.created.v1', id, {
      reservation_id: id,
      order_id: placed.order.order_id,
      picks: [],
      expires_at: r.reservation.expires_at,
    }),
  ])
  assert.equal(fake.reservedOf(c.drugId), 0)
  assert.equal((await row(placed.order.order_id)).reservation_status, 'released')
})
