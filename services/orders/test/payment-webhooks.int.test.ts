import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import Stripe from 'stripe'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { signStripeStyle } from '../src/payments/stripe-webhooks.ts'
import { drug, fakePlatform } from './fakes.ts'

// POST /webhooks/payments: Stripe's protocol, checked by the stripe package; each event id once, each signed delivery once.

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

/** A signature of `payload` made `ago` seconds back: each delivery of the provider is signed anew. */
const signed = (payload: string, ago = 0) => signStripeStyle(SECRET, payload, Math.floor(Date.now() / 1000) - ago)

/** An intent checkout created, once the local gateway's own webhooks have left it captured. */
async function capturedIntent() {
  const paid = await paidOrder()
  await until(async () => (await providerStatus(paid.intentId)) === 'captured')
  return { ...paid, orderId: paid.r.json.order_id as string }
}

const inboxOf = async (pi: string) =>
  (
    await rt.db.query<{ event_id: string; outcome: string }>(
      `SELECT event_id, outcome FROM orders.payment_webhook_events WHERE payment_intent_id = $1 ORDER BY received_at, event_id`,
      [pi],
    )
  ).rows

const refundedCharge = (pi: string, orderId: string | null, id?: string) =>
  event(
    'charge.refunded',
    {
      id: `ch_${pi.slice(3)}`,
      object: 'charge',
      payment_intent: pi,
      amount_captured: 4599,
      amount_refunded: 4599,
      refunded: true,
      metadata: orderId ? { order_id: orderId } : {},
    },
    id,
  )

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
  // A redelivery over HTTP (signed anew, as the provider signs each retry) is acknowledged and changes nothing.
  const again = await post(rows[1]!.payload, signStripeStyle(SECRET, rows[1]!.payload, Math.floor(Date.now() / 1000) - 60))
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
  const { intentId: pi, orderId } = await capturedIntent()
  const before = (await inboxOf(pi)).length
  const refunded = refundedCharge(pi, orderId)
  const succeeded = event('payment_intent.succeeded', {
    id: pi,
    object: 'payment_intent',
    amount: 4599,
    amount_received: 4599,
    metadata: { order_id: orderId },
  })
  const a = await post(refunded, signed(refunded))
  assert.deepEqual([a.status, a.json.outcome], [200, 'applied'])
  const b = await post(refunded, signed(refunded, 1))
  assert.deepEqual([b.status, b.json.outcome], [200, 'duplicate'])
  const c = await post(succeeded, signed(succeeded))
  assert.deepEqual([c.status, c.json.outcome], [200, 'stale'])
  assert.equal(await providerStatus(pi), 'refunded')
  assert.deepEqual(
    (await inboxOf(pi)).slice(before).map((r) => r.outcome),
    ['applied', 'stale'],
  )
})

test('concurrent deliveries of one event apply it once', async () => {
  const { intentId: pi, orderId } = await capturedIntent()
  const e = refundedCharge(pi, orderId)
  const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => post(e, signed(e, i))))
  assert.deepEqual(answers.map((a) => a.json.outcome).sort(), ['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate'])
})

test('a signed event about an intent checkout never created is acknowledged as unknown_intent and changes nothing', async () => {
  const paid = await capturedIntent()
  const strangers = [
    // No order named: another integration on the provider account, or a test event from its dashboard.
    event('payment_intent.succeeded', { id: `pi_${randomUUID().replaceAll('-', '')}`, object: 'payment_intent', amount_received: 1000 }),
    // An order id that is not one of ours.
    refundedCharge(`pi_${randomUUID().replaceAll('-', '')}`, randomUUID()),
    // Our order, but not the intent it recorded.
    event('payment_intent.canceled', {
      id: `pi_${randomUUID().replaceAll('-', '')}`,
      object: 'payment_intent',
      metadata: { order_id: paid.orderId },
    }),
  ]
  for (const e of strangers) {
    const pi = (JSON.parse(e) as { data: { object: { id: string; payment_intent?: string } } }).data.object
    const intentId = pi.payment_intent ?? pi.id
    const r = await post(e, signed(e))
    // 200, not a 4xx: the provider retries a refused delivery for days, and this one can never become ours.
    assert.deepEqual([r.status, r.json.received, r.json.outcome], [200, true, 'unknown_intent'], JSON.stringify(r.json))
    assert.equal(await providerStatus(intentId), undefined, 'no provider view of a stranger intent')
    assert.deepEqual(
      (await inboxOf(intentId)).map((x) => x.outcome),
      ['unknown_intent'],
    )
    // Its redelivery is a duplicate: it is never reconsidered.
    assert.equal((await post(e, signed(e, 1))).json.outcome, 'duplicate')
  }
  assert.equal(await providerStatus(paid.intentId), 'captured', 'our intent is untouched')
})

test("an event for our order that arrives before checkout records its intent is ours (the intent's metadata names the order)", async () => {
  const { orderId, intentId } = await capturedIntent()
  // As if the saga had not recorded the intent yet: the order names none and orders.payments has no row.
  await rt.db.query(`UPDATE orders.orders SET payment_intent_id = NULL WHERE order_id = $1`, [orderId])
  await rt.db.query(`DELETE FROM orders.payments WHERE order_id = $1`, [orderId])
  await rt.db.query(`DELETE FROM orders.provider_intents WHERE payment_intent_id = $1`, [intentId])
  const e = event('payment_intent.amount_capturable_updated', {
    id: intentId,
    object: 'payment_intent',
    amount: 4599,
    amount_received: 0,
    metadata: { order_id: orderId },
  })
  const r = await post(e, signed(e))
  assert.deepEqual([r.status, r.json.outcome], [200, 'applied'])
  assert.equal(await providerStatus(intentId), 'authorized')
})

test("the local gateway's webhooks name their order, as Stripe's do", async () => {
  const { intentId, orderId } = await capturedIntent()
  const { rows } = await rt.db.query<{ payload: string }>(`SELECT payload FROM orders.local_payment_events WHERE payment_intent_id = $1`, [
    intentId,
  ])
  assert.ok(rows.length > 0)
  for (const e of rows) assert.equal(JSON.parse(e.payload).data.object.metadata.order_id, orderId)
})

test('the same signed delivery again is a replay (409) however its header is written: hex case, order of parts, spaces', async () => {
  const { intentId: pi, orderId } = await capturedIntent()
  const e = refundedCharge(pi, orderId)
  const sig = signed(e)
  const [t, v1] = sig.split(',') as [string, string]
  const first = await post(e, sig)
  assert.deepEqual([first.status, first.json.outcome], [200, 'applied'])
  for (const variant of [
    `${t},v1=${v1.slice(3).toUpperCase()}`,
    `${v1},${t}`,
    `${t}, ${v1}`,
    ` ${t} , ${v1} `,
    `${t},v1=${v1.slice(3, 20).toUpperCase()}${v1.slice(20)}`,
  ]) {
    const r = await post(e, variant)
    assert.equal(r.status, 409, `${variant}: ${JSON.stringify(r.json)}`)
    assert.equal(r.json.type, 'https://apotheca.dev/problems/webhook-replayed')
  }
  // A leading zero on the timestamp signs the same bytes: the same delivery too.
  assert.equal((await post(e, `t=0${t.slice(2)},${v1}`)).status, 409)
  assert.deepEqual((await inboxOf(pi)).filter((x) => x.outcome === 'applied' && x.event_id === JSON.parse(e).id).length, 1)
  // The provider's retry, signed anew, is not a replay: acknowledged as the duplicate it is.
  const retry = await post(e, signed(e, 1))
  assert.deepEqual([retry.status, retry.json.outcome], [200, 'duplicate'])
  // And a replay of that retry is refused as well.
  assert.equal((await post(e, signed(e, 1).toUpperCase().replace('T=', 't=').replace('V1=', 'v1='))).status, 409)
})

test('a delivery that failed leaves no receipt: the provider may send the very same one again', async () => {
  const { intentId: pi, orderId } = await capturedIntent()
  const e = refundedCharge(pi, orderId)
  const sig = signed(e)
  // The inbox refuses the write once (as an outage would), so the delivery fails and rolls back.
  await rt.db.query(`ALTER TABLE orders.payment_webhook_events ADD CONSTRAINT refuse_for_test CHECK (event_id <> '${JSON.parse(e).id}')`)
  try {
    assert.equal((await post(e, sig)).status, 500)
  } finally {
    await rt.db.query(`ALTER TABLE orders.payment_webhook_events DROP CONSTRAINT refuse_for_test`)
  }
  const again = await post(e, sig)
  assert.deepEqual([again.status, again.json.outcome], [200, 'applied'])
})

test('unsigned, wrongly signed, tampered or stale webhooks are refused and change nothing', async () => {
  const pi = `pi_${randomUUID().replaceAll('-', '')}`
  const e = event('payment_intent.succeeded', { id: pi, object: 'payment_intent', amount: 1000, amount_received: 1000 })
  const old = Math.floor(Date.now() / 1000) - 600
  const unsigned = await post(e)
  assert.equal(unsigned.status, 400, 'the header is required')
  assert.deepEqual(
    unsigned.json.errors.map((x: { field: string }) => x.field),
    ['headers.stripe-signature'],
  )
  for (const [payload, sig] of [
    [e, ''],
    [e, signStripeStyle('whsec_not_the_secret', e)],
    [e.replace('1000', '9000'), signStripeStyle(SECRET, e)],
    [e, signStripeStyle(SECRET, e, old)],
    [e, 'garbage'],
    [e, `${signStripeStyle(SECRET, e)}zz`],
  ] as const) {
    const r = await rt.request('POST', '/webhooks/payments', { raw: payload, headers: { 'stripe-signature': sig } })
    assert.equal(r.status, 401, JSON.stringify(r.json))
    assert.equal(r.json.type.endsWith('invalid-signature'), true)
    assert.doesNotMatch(JSON.stringify(r.json), /whsec_/)
  }
  assert.equal(await providerStatus(pi), undefined)
  assert.equal((await rt.db.query(`SELECT 1 FROM orders.payment_webhook_events WHERE payment_intent_id = $1`, [pi])).rows.length, 0)
})

test('events we do not act on are acknowledged and recorded once', async () => {
  const e = event('customer.created', { id: 'cus_1', object: 'customer' })
  const r = await post(e, signed(e))
  assert.deepEqual([r.status, r.json.outcome], [200, 'ignored'])
  assert.equal((await post(e, signed(e, 1))).json.outcome, 'duplicate')
})
