import { createHmac } from 'node:crypto'
import Stripe from 'stripe'
import { WebhookRejected, type PaymentWebhooks, type ProviderEvent, type ProviderStatus } from '../application/payment-gateway.ts'

/** Stripe's events about a PaymentIntent and the status each leaves it in. */
const INTENT_EVENTS: Record<string, ProviderStatus> = {
  'payment_intent.requires_action': 'requires_action',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.amount_capturable_updated': 'authorized',
  'payment_intent.succeeded': 'captured',
  'payment_intent.canceled': 'voided',
}

/**
 * Stripe's webhook protocol (`Stripe-Signature: t=…,v1=…`, HMAC-SHA256 over `${t}.${payload}`),
 * checked by the stripe package itself, with its 5-minute tolerance against replays.
 */
export function stripeWebhooks(secret: string): PaymentWebhooks {
  return {
    parse(rawBody, headers) {
      const header = headers['stripe-signature']
      if (typeof header !== 'string' || !header) throw new WebhookRejected('missing Stripe-Signature header')
      let event: Stripe.Event
      try {
        event = Stripe.webhooks.constructEvent(rawBody, header, secret)
      } catch (err) {
        // The package's message names the failure (no signature match, timestamp outside tolerance), never the secret.
        throw new WebhookRejected((err as Error).message.slice(0, 200))
      }
      return toProviderEvent(event)
    },
  }
}

function toProviderEvent(event: Stripe.Event): ProviderEvent {
  const obj = event.data?.object as unknown as Record<string, unknown> | undefined
  if (typeof event.id !== 'string' || !obj) throw new WebhookRejected('not a Stripe event')
  const num = (v: unknown) => (typeof v === 'number' ? v : 0)
  if (event.type === 'charge.refunded') {
    const pi = typeof obj.payment_intent === 'string' ? obj.payment_intent : null
    const full = obj.refunded === true
    return {
      event_id: event.id,
      type: event.type,
      payment_intent_id: pi,
      status: full ? 'refunded' : null,
      amount_received: num(obj.amount_captured),
      amount_refunded: num(obj.amount_refunded),
    }
  }
  const status = INTENT_EVENTS[event.type] ?? null
  const pi = obj.object === 'payment_intent' && typeof obj.id === 'string' ? obj.id : null
  return {
    event_id: event.id,
    type: event.type,
    payment_intent_id: pi,
    status: pi ? status : null,
    amount_received: num(obj.amount_received),
    amount_refunded: 0,
  }
}

/** Signs a payload the way Stripe does (the local gateway's deliveries, and tests). */
export function signStripeStyle(secret: string, payload: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`
}
