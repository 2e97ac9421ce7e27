import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { signStripeStyle } from '../src/payments/stripe-webhooks.ts'
import { drug, fakePlatform } from './fakes.ts'

// POST /webhooks/payments: Stripe's protocol, checked by the stripe package; each event id once.

const SECRET = 'whsec_demo_payments'
let rt: TestRuntime
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
})
after(async () => {
  await rt?.close()
})

async function paidOrder(payment_method = 'pm_card_visa') {
  const token = await rt.token('patient', { sub: randomUUID() })
  const otc = drug({ price: { amount: 4000, currency: 'USD' } })
  fake.drugs.set(otc.drug_id, otc)
  fake.stock.set(otc.drug_id, 10)
  assert.equal((await rt.request('POST', '/cart/items', { token, body: { drug_id: otc.drug_id, quantity: 1 } })).status, 201)
  const r = await rt.request('POST', '/cart/checkout', { token, body: { payment_method }, headers: { 'idempotency-key': randomUUID() } })
  const { rows } = await rt.db.query<{ payment_intent_id: string }>(`SELECT payment_intent_id FROM orders.orders WHERE order_id = $1`, [
    r.json.order_id,
  ])
  return { token, r, intentId: rows[0]!.payment_intent_id }
}

const post = (payload: string, signature?: string) =>
  rt.request('POST', '/webhooks/payments', { raw: payload, ...(signature ? { headers: { 'stripe-signature': signature } } : {}) })

const event = (type: string, object: Record<string, unknown>, id = `evt_${randomUUID().replaceAll('-', '')}`) =>
  JSON.stringify({ id, object: 'event', created: Math.floor(Date.now() / 1000), livemode: false, type, data: { object } })

const providerStatus = async (pi: string) =>
  (await rt.db.query<{ provider_status: string }>(`SELECT provider_status FROM orders.provider_intents WHERE payment_intent_id = $1`, [pi]))
    .rows[0]?.provider_status

const until = (check: () => Promise<boolean>, ms = 10_000) => eventually('the expected state', check, ms, 100)

test("the local gateway's webhooks are Stripe's: constructEvent verifies them, and they are delivered once", async () => {
  const { r, intentId } = await paidOrder()
  assert.equal(r.status, 201)
  const { rows } = await rt.db.query<{ id: string; payload: string }>(
    `SELECT id, payload FROM orders.local_payment_events WHERE payment_intent_id = $1 ORDER BY created_at, id`,
    [intentId],
  )
  assert.deepEqual(rows.map((e) => JSON.parse(e.payload).type).sort(), [
    'payment_intent.amount_capturable_updated',
    'payment_intent.succeeded',
  ])
  for (const e of rows) {
    // The header the local gateway signs with passes the stripe package's own verification.
    const verified = Stripe.webhooks.constructEvent(e.payload, signStripeStyle(SECRET, e.payload), SECRET)
    assert.equal(verified.id, e.id)
    assert.throws(() => Stripe.webhooks.constructEvent(e.payload, signStripeStyle('whsec_other_secret', e.payload), SECRET), /signature/i)
  }
  // The delivery job hands them to the same verification as the route.
  await until(async () => (await providerStatus(intentId)) === 'captured')
  const inbox = await rt.db.query(`SELECT event_id FROM orders.payment_webhook_events WHERE payment_intent_id = $1`, [intentId])
  assert.equal(inbox.rows.length, 2)
  // A redelivery over HTTP is acknowledged and changes nothing.
  const again = await post(rows[1]!.payload, signStripeStyle(SECRET, rows[1]!.payload))
  assert.equal(again.status, 200)
  assert.equal(again.json.outcome, 'duplicate')
})

test('a refund arrives as a webhook too', async () => {
  const paid = await paidOrder()
  const c = await rt.request('POST', `/orders/${paid.r.json.order_id}/cancel`, { token: paid.token, body: {} })
  assert.equal(c.json.payment_status, 'refunded')
  await until(async () => (await providerStatus(paid.intentId)) === 'refunded')
})

test('a duplicated webhook is processed once; a reordered one (older status after a newer) changes nothing', async () => {
  const pi = `pi_${randomUUID().replaceAll('-', '')}`
  const authorised = event('payment_intent.amount_capturable_updated', {
    id: pi,
    object: 'payment_intent',
    amount: 1000,
    amount_received: 0,
  })
  const captured = event('payment_intent.succeeded', { id: pi, object: 'payment_intent', amount: 1000, amount_received: 1000 })
  const a = await post(captured, signStripeStyle(SECRET, captured))
  assert.deepEqual([a.status, a.json.outcome], [200, 'applied'])
  const b = await post(captured, signStripeStyle(SECRET, captured))
  assert.deepEqual([b.status, b.json.outcome], [200, 'duplicate'])
  const c = await post(authorised, signStripeStyle(SECRET, authorised))
  assert.deepEqual([c.status, c.json.outcome], [200, 'stale'])
  assert.equal(await providerStatus(pi), 'captured')
  const inbox = await rt.db.query(
    `SELECT event_id, outcome FROM orders.payment_webhook_events WHERE payment_intent_id = $1 ORDER BY received_at`,
    [pi],
  )
  assert.deepEqual(
    inbox.rows.map((r: any) => r.outcome),
    ['applied', 'stale'],
  )
})

test('concurrent deliveries of one event apply it once', async () => {
  const pi = `pi_${randomUUID().replaceAll('-', '')}`
  const e = event('payment_intent.succeeded', { id: pi, object: 'payment_intent', amount: 1000, amount_received: 1000 })
  const answers = await Promise.all(Array.from({ length: 5 }, () => post(e, signStripeStyle(SECRET, e))))
  assert.deepEqual(answers.map((a) => a.json.outcome).sort(), ['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
})

test('unsigned, wrongly signed, tampered or stale webhooks are 401 problems and change nothing', async () => {
  const pi = `pi_${randomUUID().replaceAll('-', '')}`
  const e = event('payment_intent.succeeded', { id: pi, object: 'payment_intent', amount: 1000, amount_received: 1000 })
  const old = Math.floor(Date.now() / 1000) - 600
  for (const [payload, sig] of [
    [e, undefined],
    [e, signStripeStyle('whsec_not_the_secret', e)],
    [e.replace('1000', '9000'), signStripeStyle(SECRET, e)],
    [e, signStripeStyle(SECRET, e, old)],
    [e, 'garbage'],
  ] as const) {
    const r = await post(payload, sig)
    assert.equal(r.status, 401, JSON.stringify(r.json))
    assert.equal(r.json.type.endsWith('invalid-signature'), true)
    assert.doesNotMatch(JSON.stringify(r.json), /whsec_/)
  }
  assert.equal(await providerStatus(pi), undefined)
  assert.equal((await rt.db.query(`SELECT 1 FROM orders.payment_webhook_events WHERE payment_intent_id = $1`, [pi])).rows.length, 0)
})

test('events we do not act on are acknowledged and recorded once', async () => {
  const e = event('customer.created', { id: 'cus_1', object: 'customer' })
  const r = await post(e, signStripeStyle(SECRET, e))
  assert.deepEqual([r.status, r.json.outcome], [200, 'ignored'])
  assert.equal((await post(e, signStripeStyle(SECRET, e))).json.outcome, 'duplicate')
})
