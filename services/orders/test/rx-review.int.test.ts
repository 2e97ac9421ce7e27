import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { drug, envelope, fakePlatform, prescription } from './fakes.ts'

// An Rx item under review: authorised at checkout, captured on verification, voided on rejection.
// Then the staff refund.

let rt: TestRuntime
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
})
after(async () => {
  await rt?.close()
})

async function checkoutUnderReview() {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const d = drug({ rx_only: true, price: { amount: 300, currency: 'USD' } })
  const rx = prescription(patientId, d.drug_id, { status: 'in_review' })
  fake.drugs.set(d.drug_id, d)
  fake.prescriptions.set(rx.prescription_id, rx)
  fake.stock.set(d.drug_id, 50)
  const a = await rt.request('POST', '/cart/items', {
    token,
    body: { drug_id: d.drug_id, quantity: 30, prescription_id: rx.prescription_id },
  })
  assert.equal(a.status, 201, JSON.stringify(a.json))
  const r = await rt.request('POST', '/cart/checkout', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  return { patientId, token, d, rx, orderId: r.json.order_id as string, answer: r.json }
}

const decide = (rx: { prescription_id: string; patient_id: string }, to: string) => {
  fake.prescriptions.set(rx.prescription_id, { ...fake.prescriptions.get(rx.prescription_id)!, status: to as any })
  return envelope('prescriptions.prescription.status_changed.v1', rx.prescription_id, {
    prescription_id: rx.prescription_id,
    patient_id: rx.patient_id,
    from: 'in_review',
    to,
    reason: null,
    actor_id: randomUUID(),
  })
}
const statusOf = async (orderId: string) => (await rt.request('GET', `/orders/${orderId}/status`, { token: await rt.token('admin') })).json
const until = (check: () => Promise<boolean>, ms = 10_000) => eventually('the expected state', check, ms, 50)
const intent = async (orderId: string) =>
  (
    await rt.db.query<{ status: string; amount_received: string }>(
      `SELECT i.status, i.amount_received FROM orders.local_payment_intents i JOIN orders.orders o ON o.payment_intent_id = i.id WHERE o.order_id = $1`,
      [orderId],
    )
  ).rows[0]!

test('an Rx item under review checks out authorised, awaiting verification, with its stock held and nothing captured', async () => {
  const o = await checkoutUnderReview()
  assert.deepEqual([o.answer.order_status, o.answer.payment_status], ['awaiting_verification', 'authorized'])
  assert.equal(fake.reservedOf(o.d.drug_id), 30)
  assert.equal((await intent(o.orderId)).status, 'requires_capture')
})

test('verification captures the payment and the order becomes paid; a repeated event changes nothing', async () => {
  const o = await checkoutUnderReview()
  const verified = decide(o.rx, 'verified')
  await rt.bus.publish([verified])
  await until(async () => (await statusOf(o.orderId)).order_status === 'paid')
  await rt.bus.publish([verified, decide(o.rx, 'verified')])
  await new Promise((r) => setTimeout(r, 300))
  const s = await statusOf(o.orderId)
  assert.deepEqual([s.order_status, s.payment_status], ['paid', 'captured'])
  assert.deepEqual(
    s.history.map((h: any) => h.to),
    ['pending', 'awaiting_verification', 'paid'],
  )
  assert.equal((await intent(o.orderId)).status, 'succeeded')
  assert.equal(fake.reservedOf(o.d.drug_id), 30)
})

test('rejection voids the authorisation and releases the stock: the order is cancelled, nothing was charged', async () => {
  const o = await checkoutUnderReview()
  await rt.bus.publish([decide(o.rx, 'rejected')])
  await until(async () => (await statusOf(o.orderId)).payment_status === 'voided')
  const s = await statusOf(o.orderId)
  assert.equal(s.order_status, 'cancelled')
  const i = await intent(o.orderId)
  assert.deepEqual([i.status, Number(i.amount_received)], ['canceled', 0])
  assert.equal(fake.reservedOf(o.d.drug_id), 0)
  // A verification arriving after the rejection (reordered) finds nothing waiting.
  await rt.bus.publish([decide(o.rx, 'verified')])
  await new Promise((r) => setTimeout(r, 300))
  assert.equal((await statusOf(o.orderId)).order_status, 'cancelled')
  assert.equal((await intent(o.orderId)).status, 'canceled')
})

test('a prescription that is rejected outright cannot be put in the cart', async () => {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const d = drug({ rx_only: true })
  const rx = prescription(patientId, d.drug_id, { status: 'rejected' })
  fake.drugs.set(d.drug_id, d)
  fake.prescriptions.set(rx.prescription_id, rx)
  const a = await rt.request('POST', '/cart/items', {
    token,
    body: { drug_id: d.drug_id, quantity: 1, prescription_id: rx.prescription_id },
  })
  assert.equal(a.status, 409)
})

test('staff refund a paid order: the money goes back once and the hold is released; other cases are refused', async () => {
  const o = await checkoutUnderReview()
  const pharmacist = await rt.token('pharmacist', { mfa: true })
  // Awaiting verification: nothing captured, so nothing to refund (cancel instead).
  const early = await rt.request('POST', `/orders/${o.orderId}/refund`, { token: pharmacist, body: {} })
  assert.deepEqual([early.status, early.json.type.endsWith('illegal-transition')], [409, true])
  await rt.bus.publish([decide(o.rx, 'verified')])
  await until(async () => (await statusOf(o.orderId)).order_status === 'paid')
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/refund`, { token: o.token, body: {} })).status, 403)
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/refund`, { token: await rt.token('pharmacist'), body: {} })).status, 403)
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/refund`, { token: pharmacist, body: { reason: 'bogus' } })).status, 400)
  assert.equal((await rt.request('POST', `/orders/${randomUUID()}/refund`, { token: pharmacist, body: {} })).status, 404)
  const r = await rt.request('POST', `/orders/${o.orderId}/refund`, { token: pharmacist, body: { reason: 'customer_request' } })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.deepEqual(r.json, { order_id: o.orderId, order_status: 'refunded', payment_status: 'refunded' })
  const again = await rt.request('POST', `/orders/${o.orderId}/refund`, { token: pharmacist, body: {} })
  assert.deepEqual(again.json, r.json)
  const i = await rt.db.query<{ amount_refunded: string; amount_received: string }>(
    `SELECT amount_refunded, amount_received FROM orders.local_payment_intents i JOIN orders.orders o ON o.payment_intent_id = i.id WHERE o.order_id = $1`,
    [o.orderId],
  )
  assert.equal(Number(i.rows[0]!.amount_refunded), Number(i.rows[0]!.amount_received))
  assert.equal(fake.reservedOf(o.d.drug_id), 0)
  assert.deepEqual(
    (await statusOf(o.orderId)).history.map((h: any) => h.to),
    ['pending', 'awaiting_verification', 'paid', 'refunded'],
  )
  // Refunded is final: it cannot be cancelled.
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: pharmacist, body: {} })).status, 409)
})
