import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { drug, fakePlatform } from './fakes.ts'
import { startStripeTwin } from './stripe-twin.ts'

// Checkout, cancel and the webhooks with the Stripe adapter (the official package) against the twin.

let rt: TestRuntime
let twin: Awaited<ReturnType<typeof startStripeTwin>>
const fake = fakePlatform()
before(async () => {
  twin = await startStripeTwin()
  rt = await startTestRuntime({
    modules: [orders, ...fake.modules],
    env: { APOTHECA_STRIPE_SECRET_KEY: twin.secretKey, APOTHECA_STRIPE_API_URL: `http://127.0.0.1:${twin.port}` },
  })
})
after(async () => {
  await rt?.close()
  await twin?.close()
})

async function checkout(payment_method: string) {
  const token = await rt.token('patient', { sub: randomUUID() })
  const otc = drug({ price: { amount: 1250, currency: 'USD' } })
  fake.drugs.set(otc.drug_id, otc)
  fake.stock.set(otc.drug_id, 10)
  assert.equal((await rt.request('POST', '/cart/items', { token, body: { drug_id: otc.drug_id, quantity: 2 } })).status, 201)
  const r = await rt.request('POST', '/cart/checkout', { token, body: { payment_method }, headers: { 'idempotency-key': randomUUID() } })
  return { token, r, otc }
}

const intentOf = async (orderId: string) =>
  (
    await rt.db.query<{ payment_intent_id: string; provider: string }>(
      `SELECT payment_intent_id, provider FROM orders.payments WHERE order_id = $1`,
      [orderId],
    )
  ).rows[0]!

test('a visa checkout through Stripe is authorised with manual capture and captured once; cancelling refunds it', async () => {
  const { token, r } = await checkout('pm_card_visa')
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.deepEqual([r.json.order_status, r.json.payment_status], ['paid', 'captured'])
  const pay = await intentOf(r.json.order_id)
  assert.equal(pay.provider, 'stripe')
  const pi = twin.intents.get(pay.payment_intent_id)!
  assert.deepEqual([pi.capture_method, pi.status, pi.amount, pi.metadata.order_id], ['manual', 'succeeded', 2500 + 599, r.json.order_id])
  assert.equal(twin.captures.get(pi.id), 1)
  const c = await rt.request('POST', `/orders/${r.json.order_id}/cancel`, { token, body: {} })
  assert.deepEqual([c.status, c.json.payment_status], [200, 'refunded'])
  assert.equal(twin.refunded.get(pi.id), pi.amount)
})

test('a declined card through Stripe is a 402 with the stock released', async () => {
  const { r, otc } = await checkout('pm_card_chargeDeclined')
  assert.equal(r.status, 402, JSON.stringify(r.json))
  assert.equal(r.json.decline_code, 'generic_decline')
  assert.equal(fake.reservedOf(otc.drug_id), 0)
})

test("Stripe's own webhooks (signed by the package's test helper) are processed once", async () => {
  const { r } = await checkout('pm_card_visa')
  const pay = await intentOf(r.json.order_id)
  const events = twin.events.filter((e) => (e.object as { id: string }).id === pay.payment_intent_id)
  assert.deepEqual(
    events.map((e) => e.type),
    ['payment_intent.amount_capturable_updated', 'payment_intent.succeeded'],
  )
  // Delivered in the wrong order, then again: the intent ends captured and each event counts once.
  // Stripe signs every delivery anew: each one here has its own timestamp.
  const now = Math.floor(Date.now() / 1000)
  for (const [i, e] of [events[1]!, events[0]!, events[1]!].entries()) {
    const payload = twin.eventPayload(e)
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_demo_payments', timestamp: now - i })
    const a = await rt.request('POST', '/webhooks/payments', { raw: payload, headers: { 'stripe-signature': header } })
    assert.equal(a.status, 200)
  }
  const { rows } = await rt.db.query<{ provider_status: string }>(
    `SELECT provider_status FROM orders.provider_intents WHERE payment_intent_id = $1`,
    [pay.payment_intent_id],
  )
  assert.equal(rows[0]!.provider_status, 'captured')
  const inbox = await rt.db.query<{ outcome: string }>(
    `SELECT outcome FROM orders.payment_webhook_events WHERE payment_intent_id = $1 ORDER BY received_at`,
    [pay.payment_intent_id],
  )
  assert.deepEqual(
    inbox.rows.map((x) => x.outcome),
    ['applied', 'stale'],
  )
})
