import { randomBytes } from 'node:crypto'
import type { Database, Sql } from '@apotheca/kernel'
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway } from '../application/payment-gateway.ts'
import {
  findIntent,
  insertIntentOnce,
  insertLocalEvent,
  markLocalEventDelivered,
  moveIntent,
  undeliveredLocalEvents,
  type LocalIntent,
} from '../db/local-intent.repository.ts'
import { signStripeStyle } from './stripe-webhooks.ts'

/** Stripe's test payment methods and what the local gateway does with them (stripe.com/docs/testing). */
const TEST_METHODS: Record<string, { status: LocalIntent['status']; error?: string }> = {
  pm_card_visa: { status: 'requires_capture' },
  pm_card_visa_debit: { status: 'requires_capture' },
  pm_card_mastercard: { status: 'requires_capture' },
  pm_card_amex: { status: 'requires_capture' },
  pm_card_discover: { status: 'requires_capture' },
  pm_card_chargeDeclined: { status: 'requires_payment_method', error: 'card_declined' },
  pm_card_chargeDeclinedInsufficientFunds: { status: 'requires_payment_method', error: 'insufficient_funds' },
  pm_card_chargeDeclinedExpiredCard: { status: 'requires_payment_method', error: 'expired_card' },
  pm_card_chargeDeclinedIncorrectCvc: { status: 'requires_payment_method', error: 'incorrect_cvc' },
  pm_card_chargeDeclinedFraudulent: { status: 'requires_payment_method', error: 'fraudulent' },
  pm_card_authenticationRequired: { status: 'requires_action' },
}

/**
 * The payment gateway of the embedded mode and the tests: Stripe's PaymentIntent life cycle with
 * manual capture, its test tokens and its idempotency keys, kept in a table of our own schema so
 * that an authorisation outlives a restart. Each change of an intent queues the webhook event Stripe
 * would send (same shape, same signature protocol), delivered by deliverLocalPaymentWebhooks.
 */
export function localPaymentGateway(db: Database): PaymentGateway {
  return {
    provider: 'local',
    authorize: (req) => authorize(db, req),
    async capture(id) {
      const i = await mustFind(db, id)
      if (i.status === 'succeeded') return
      const done = await db.transaction(async (tx) => {
        const moved = await moveIntent(tx, id, 'requires_capture', 'succeeded', { amount_received: i.amount })
        if (moved) await queueEvent(tx, 'payment_intent.succeeded', moved)
        return moved
      })
      if (!done) throw stateError('capture', i)
    },
    async void(id) {
      const i = await mustFind(db, id)
      if (i.status === 'canceled') return 'voided'
      if (i.status === 'succeeded') return 'already_captured'
      const done = await db.transaction(async (tx) => {
        const moved = await moveIntent(tx, id, i.status, 'canceled')
        if (moved) await queueEvent(tx, 'payment_intent.canceled', moved)
        return moved
      })
      if (!done) throw stateError('void', i)
      return 'voided'
    },
    async refund(id) {
      const i = await mustFind(db, id)
      if (i.status !== 'succeeded') throw stateError('refund', i)
      if (i.amount_refunded >= i.amount_received) return
      await db.transaction(async (tx) => {
        const moved = await moveIntent(tx, id, 'succeeded', 'succeeded', { amount_refunded: i.amount_received })
        if (moved) await queueEvent(tx, 'charge.refunded', moved)
      })
    },
  }
}

const AUTHORISATION_EVENT: Partial<Record<LocalIntent['status'], string>> = {
  requires_capture: 'payment_intent.amount_capturable_updated',
  requires_payment_method: 'payment_intent.payment_failed',
  requires_action: 'payment_intent.requires_action',
}

async function authorize(db: Database, req: AuthorizeRequest): Promise<AuthorizeResult> {
  const method = TEST_METHODS[req.payment_method]
  if (!method) return { outcome: 'invalid_method', intent_id: null }
  const { intent } = await db.transaction(async (tx) => {
    const r = await insertIntentOnce(tx, {
      id: `pi_${randomBytes(12).toString('hex')}`,
      idempotency_key: req.idempotency_key,
      amount: req.amount,
      currency: req.currency,
      payment_method: req.payment_method,
      status: method.status,
      amount_received: 0,
      amount_refunded: 0,
      last_error_code: method.error ?? null,
      order_id: req.order_id,
    })
    if (r.created) await queueEvent(tx, AUTHORISATION_EVENT[r.intent.status]!, r.intent)
    return r
  })
  if (intent.status === 'requires_action') return { outcome: 'requires_action', intent_id: intent.id }
  if (intent.status === 'requires_payment_method')
    return { outcome: 'declined', intent_id: intent.id, decline_code: intent.last_error_code ?? 'card_declined' }
  return { outcome: 'authorized', intent_id: intent.id }
}

/** Queues the event Stripe would send for this change, shaped as Stripe shapes it (the fields we read). */
async function queueEvent(tx: Sql, type: string, i: LocalIntent): Promise<void> {
  const id = `evt_${randomBytes(12).toString('hex')}`
  const intent = {
    id: i.id,
    object: 'payment_intent',
    amount: Number(i.amount),
    amount_received: Number(i.amount_received),
    currency: i.currency.toLowerCase(),
    capture_method: 'manual',
    status: i.status,
    metadata: i.order_id ? { order_id: i.order_id } : {},
    last_payment_error: i.last_error_code ? { code: 'card_declined', decline_code: i.last_error_code } : null,
  }
  const charge = {
    id: `ch_${i.id.slice(3)}`,
    object: 'charge',
    payment_intent: i.id,
    amount: Number(i.amount),
    amount_captured: Number(i.amount_received),
    amount_refunded: Number(i.amount_refunded),
    refunded: Number(i.amount_refunded) >= Number(i.amount_received),
    metadata: i.order_id ? { order_id: i.order_id } : {},
  }
  const payload = JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object: type.startsWith('charge.') ? charge : intent },
  })
  await insertLocalEvent(tx, { id, payment_intent_id: i.id, payload })
}

/**
 * Delivers the local gateway's queued webhooks, signed as Stripe signs them, through `deliver` (the
 * same verification as the HTTP route); an event stays queued until delivered. Returns how many went.
 */
export async function deliverLocalPaymentWebhooks(
  db: Sql,
  secret: string,
  deliver: (payload: string, signature: string) => Promise<void>,
  limit = 100,
): Promise<number> {
  let sent = 0
  for (const e of await undeliveredLocalEvents(db, limit)) {
    await deliver(e.payload, signStripeStyle(secret, e.payload))
    await markLocalEventDelivered(db, e.id)
    sent++
  }
  return sent
}

async function mustFind(db: Sql, id: string): Promise<LocalIntent> {
  const i = await findIntent(db, id)
  if (!i) throw new Error(`local gateway: no payment intent ${id}`)
  return i
}

function stateError(action: string, i: LocalIntent) {
  return new Error(`local gateway: cannot ${action} payment intent ${i.id} in status ${i.status}`)
}
