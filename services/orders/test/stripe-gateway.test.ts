import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { stripeGateway } from '../src/payments/stripe.gateway.ts'
import type { PaymentGateway } from '../src/application/payment-gateway.ts'
import { startStripeTwin } from './stripe-twin.ts'

// The Stripe adapter through the official `stripe` package, over HTTP, against a twin of Stripe's API.

let twin: Awaited<ReturnType<typeof startStripeTwin>>
let gw: PaymentGateway
before(async () => {
  twin = await startStripeTwin()
  gw = stripeGateway({ secretKey: twin.secretKey, host: '127.0.0.1', port: twin.port, protocol: 'http' })
})
after(async () => {
  await twin?.close()
})

const req = (payment_method: string, key = `order:${randomUUID()}`) => ({
  amount: 2347,
  currency: 'USD',
  payment_method,
  idempotency_key: key,
  order_id: randomUUID(),
})

test('pm_card_visa is authorised with manual capture, captured once, and refunded once', async () => {
  const r = await gw.authorize(req('pm_card_visa'))
  assert.equal(r.outcome, 'authorized')
  const pi = twin.intents.get(r.intent_id!)!
  assert.deepEqual([pi.status, pi.capture_method, pi.amount, pi.currency], ['requires_capture', 'manual', 2347, 'usd'])
  await gw.capture(r.intent_id!)
  await gw.capture(r.intent_id!) // a retried capture is a no-op, not a second charge
  assert.equal(twin.captures.get(r.intent_id!), 1)
  assert.equal(pi.status, 'succeeded')
  assert.equal(await gw.void(r.intent_id!), 'already_captured')
  await gw.refund(r.intent_id!)
  await gw.refund(r.intent_id!)
  assert.equal(twin.refunded.get(r.intent_id!), 2347)
})

test('a retried authorisation with the same idempotency key returns the first intent, not a second hold', async () => {
  const a = req('pm_card_visa')
  const before = twin.intents.size
  const r1 = await gw.authorize(a)
  const r2 = await gw.authorize(a)
  assert.equal(r1.intent_id, r2.intent_id)
  assert.equal(twin.intents.size, before + 1)
})

test('pm_card_chargeDeclined is declined with its code and the intent it left', async () => {
  const r = await gw.authorize(req('pm_card_chargeDeclined'))
  assert.equal(r.outcome, 'declined')
  assert.equal(r.outcome === 'declined' && r.decline_code, 'generic_decline')
  assert.equal(twin.intents.get(r.intent_id!)!.status, 'requires_payment_method')
})

test('pm_card_authenticationRequired needs action; voiding it cancels the intent, twice is a no-op', async () => {
  const r = await gw.authorize(req('pm_card_authenticationRequired'))
  assert.equal(r.outcome, 'requires_action')
  assert.equal(await gw.void(r.intent_id!), 'voided')
  assert.equal(await gw.void(r.intent_id!), 'voided')
  assert.equal(twin.intents.get(r.intent_id!)!.status, 'canceled')
})

test('an unknown payment method token is invalid, not an outage', async () => {
  const r = await gw.authorize(req('pm_nonsense'))
  assert.deepEqual(r, { outcome: 'invalid_method', intent_id: null })
})

test('a capture of a cancelled intent fails (money is never taken after a void)', async () => {
  const r = await gw.authorize(req('pm_card_visa'))
  assert.equal(await gw.void(r.intent_id!), 'voided')
  await assert.rejects(gw.capture(r.intent_id!), /status of canceled/)
  assert.equal(twin.captures.get(r.intent_id!), undefined)
})

test('a wrong secret key is refused by Stripe and surfaces as an error', async () => {
  const bad = stripeGateway({ secretKey: 'sk_test_wrong', host: '127.0.0.1', port: twin.port, protocol: 'http' })
  await assert.rejects(bad.authorize(req('pm_card_visa')), /Invalid API Key/)
})
