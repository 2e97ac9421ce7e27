import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { drug, fakePlatform, prescription } from './fakes.ts'

let rt: TestRuntime
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
})
after(async () => {
  await rt?.close()
})

/** A patient with a verified prescription of an Rx drug (in stock) and an OTC drug in the cart. */
async function patientWithCart(o: { stock?: number; otcQuantity?: number } = {}) {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const rxDrug = drug({ name: 'Amoxicillin 500 mg capsule', rx_only: true, price: { amount: 25, currency: 'USD' } })
  const otc = drug({ price: { amount: 499, currency: 'USD' } })
  const rx = prescription(patientId, rxDrug.drug_id)
  fake.drugs.set(rxDrug.drug_id, rxDrug).set(otc.drug_id, otc)
  fake.prescriptions.set(rx.prescription_id, rx)
  fake.stock.set(rxDrug.drug_id, o.stock ?? 100).set(otc.drug_id, o.stock ?? 100)
  const a = await rt.request('POST', '/cart/items', {
    token,
    body: { drug_id: rxDrug.drug_id, quantity: 30, prescription_id: rx.prescription_id },
  })
  assert.equal(a.status, 201, JSON.stringify(a.json))
  const b = await rt.request('POST', '/cart/items', { token, body: { drug_id: otc.drug_id, quantity: o.otcQuantity ?? 2 } })
  assert.equal(b.status, 201, JSON.stringify(b.json))
  return { patientId, token, rxDrug, otc, rx }
}

const checkout = (token: string, key: string | null, body: unknown = { payment_method: 'pm_card_visa' }) =>
  rt.request('POST', '/cart/checkout', { token, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) })

test('checkout with pm_card_visa places a paid order, captures the payment and empties the cart', async () => {
  const p = await patientWithCart()
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 201, JSON.stringify(r.json))
  // 30 × 25 + 2 × 499 = 1748 cents, plus 599 shipping below the free-shipping threshold.
  assert.deepEqual(
    { ...r.json, order_id: undefined },
    { order_id: undefined, order_status: 'paid', payment_status: 'captured', total_amount: 1748 + 599, currency: 'USD' },
  )
  assert.equal(fake.reservedOf(p.rxDrug.drug_id), 30)
  const cart = await rt.request('GET', '/cart', { token: p.token })
  assert.deepEqual(cart.json.items, [])
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })
  assert.equal(s.status, 200)
  assert.deepEqual(
    s.json.history.map((h: any) => [h.from, h.to, h.payment_status]),
    [
      [null, 'pending', 'pending'],
      ['pending', 'paid', 'captured'],
    ],
  )
  assert.equal(s.json.items.length, 2)
  const pay = await rt.db.query<{ status: string; amount: string; provider: string; payment_method: string; payment_intent_id: string }>(
    `SELECT status, amount, provider, payment_method, payment_intent_id FROM orders.payments WHERE order_id = $1`,
    [r.json.order_id],
  )
  assert.equal(pay.rows[0]!.status, 'captured')
  assert.equal(Number(pay.rows[0]!.amount), 1748 + 599)
  assert.match(pay.rows[0]!.payment_intent_id, /^pi_/)
})

test('the order is announced on the outbox: placed, then each status change', async () => {
  const p = await patientWithCart()
  const r = await checkout(p.token, randomUUID())
  const { rows } = await rt.db.query<{ type: string; payload: any }>(
    `SELECT type, payload FROM orders.outbox WHERE aggregate_id = $1 ORDER BY seq`,
    [r.json.order_id],
  )
  assert.deepEqual(
    rows.map((e) => e.type),
    ['orders.order.placed.v1', 'orders.order.status_changed.v1', 'orders.order.status_changed.v1'],
  )
  assert.equal(rows[0]!.payload.total_amount, r.json.total_amount)
  assert.deepEqual(rows[2]!.payload, {
    order_id: r.json.order_id,
    patient_id: p.patientId,
    from: 'pending',
    order_status: 'paid',
    payment_status: 'captured',
    reason: 'checkout',
  })
})

test('the same Idempotency-Key returns the same order; another body with it is a 422', async () => {
  const p = await patientWithCart()
  const key = randomUUID()
  const first = await checkout(p.token, key)
  assert.equal(first.status, 201)
  const again = await checkout(p.token, key)
  assert.equal(again.status, 201)
  assert.deepEqual(again.json, first.json)
  assert.equal(again.headers['idempotent-replayed'], 'true')
  const other = await checkout(p.token, key, { payment_method: 'pm_card_mastercard' })
  assert.equal(other.status, 422)
  assert.match(other.json.type, /idempotency-key-reused/)
  const count = await rt.db.query(`SELECT count(*)::int AS n FROM orders.orders WHERE patient_id = $1`, [p.patientId])
  assert.equal(count.rows[0]!.n, 1)
})

test('checkout without an Idempotency-Key is a 400 problem and places nothing', async () => {
  const p = await patientWithCart()
  const r = await checkout(p.token, null)
  assert.equal(r.status, 400)
  // The header is in the route's schema, so the document states it and the refusal names it.
  assert.match(r.json.type, /validation/)
  assert.deepEqual(
    r.json.errors.map((e: { field: string }) => e.field),
    ['headers.idempotency-key'],
  )
  assert.equal(fake.reservedOf(p.rxDrug.drug_id), 0)
})

test('a declined card is a 402: the order is cancelled, the payment failed and no stock stays reserved', async () => {
  const p = await patientWithCart()
  const r = await checkout(p.token, randomUUID(), { payment_method: 'pm_card_chargeDeclined' })
  assert.equal(r.status, 402, JSON.stringify(r.json))
  assert.match(r.json.type, /payment-declined/)
  assert.equal(r.json.decline_code, 'card_declined')
  assert.equal(fake.reservedOf(p.rxDrug.drug_id), 0)
  assert.equal(fake.reservedOf(p.otc.drug_id), 0)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })
  assert.equal(s.json.order_status, 'cancelled')
  assert.equal(s.json.payment_status, 'failed')
  assert.equal((await rt.request('GET', '/cart', { token: p.token })).json.items.length, 2, 'the cart stays for another try')
  const retry = await checkout(p.token, randomUUID())
  assert.equal(retry.status, 201, 'a good card then goes through')
})

test('a declined key may be retried: the same key then places a new order', async () => {
  const p = await patientWithCart()
  const key = randomUUID()
  const body = { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }
  const first = await checkout(p.token, key, body)
  assert.equal(first.status, 402)
  assert.equal(first.json.decline_code, 'insufficient_funds')
  const second = await checkout(p.token, key, { payment_method: 'pm_card_visa' })
  assert.equal(second.status, 201)
  assert.notEqual(second.json.order_id, first.json.order_id)
})

test('out of stock is a 409: nothing reserved, nothing charged', async () => {
  const p = await patientWithCart({ stock: 5 })
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 409, JSON.stringify(r.json))
  assert.match(r.json.type, /out-of-stock/)
  assert.equal(fake.reservedOf(p.otc.drug_id), 0)
  const pay = await rt.db.query(`SELECT count(*)::int AS n FROM orders.payments WHERE order_id = $1`, [r.json.order_id])
  assert.equal(pay.rows[0]!.n, 0)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })
  assert.deepEqual([s.json.order_status, s.json.history.at(-1).reason], ['cancelled', 'out_of_stock'])
})

test('cards that need authentication or unknown tokens are refused with 402; card numbers with 400', async () => {
  const p = await patientWithCart()
  const auth = await checkout(p.token, randomUUID(), { payment_method: 'pm_card_authenticationRequired' })
  assert.equal(auth.status, 402)
  assert.match(auth.json.type, /payment-authentication-required/)
  const unknown = await checkout(p.token, randomUUID(), { payment_method: 'pm_card_nonsense' })
  assert.equal(unknown.status, 402)
  assert.match(unknown.json.type, /payment-method-invalid/)
  const pan = await checkout(p.token, randomUUID(), { payment_method: '4242424242424242' })
  assert.equal(pan.status, 400)
  assert.ok(!JSON.stringify(pan.json).includes('4242424242424242'), 'a card number is never echoed')
  assert.equal(fake.reservedOf(p.rxDrug.drug_id), 0)
})

test('a prescription withdrawn after it was put in the cart stops the checkout before anything is reserved', async () => {
  const p = await patientWithCart()
  fake.prescriptions.set(p.rx.prescription_id, { ...p.rx, status: 'cancelled' })
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 409)
  assert.match(r.json.type, /prescription-not-verified/)
  assert.equal(fake.reservedOf(p.rxDrug.drug_id), 0)
})

test('an empty cart cannot be checked out; a prescription already in an open order cannot be sold twice', async () => {
  const p = await patientWithCart()
  assert.equal((await checkout(p.token, randomUUID())).status, 201)
  const empty = await checkout(p.token, randomUUID())
  assert.equal(empty.status, 409)
  assert.match(empty.json.type, /cart-empty/)
  await rt.request('POST', '/cart/items', {
    token: p.token,
    body: { drug_id: p.rxDrug.drug_id, quantity: 10, prescription_id: p.rx.prescription_id },
  })
  const twice = await checkout(p.token, randomUUID())
  assert.equal(twice.status, 409)
  assert.match(twice.json.type, /prescription-in-use/)
})

test('a shipping address is stored sealed, never in clear', async () => {
  const p = await patientWithCart()
  const address = { line1: '350 Fifth Avenue', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' }
  const r = await checkout(p.token, randomUUID(), { payment_method: 'pm_card_visa', shipping_address: address })
  assert.equal(r.status, 201)
  const { rows } = await rt.db.query<{ s: string }>(`SELECT shipping_address_sealed AS s FROM orders.orders WHERE order_id = $1`, [
    r.json.order_id,
  ])
  assert.match(rows[0]!.s, /^v1\./)
  assert.ok(!rows[0]!.s.includes('Fifth'))
  const abroad = await checkout(p.token, randomUUID(), { payment_method: 'pm_card_visa', shipping_address: { ...address, country: 'FR' } })
  assert.equal(abroad.status, 400)
})

test('inventory down during checkout is a 503 and leaves the order cancelled, nothing charged', async () => {
  const p = await patientWithCart()
  fake.state.inventoryDown = true
  try {
    const r = await checkout(p.token, randomUUID())
    assert.equal(r.status, 503)
    assert.match(r.json.type, /dependency-unavailable/)
    const { rows } = await rt.db.query<{ order_status: string; payment_status: string }>(
      `SELECT order_status, payment_status FROM orders.orders WHERE patient_id = $1`,
      [p.patientId],
    )
    assert.deepEqual(rows, [{ order_status: 'cancelled', payment_status: 'pending' }])
  } finally {
    fake.state.inventoryDown = false
  }
})
