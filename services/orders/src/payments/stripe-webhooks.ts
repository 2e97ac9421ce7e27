import { createHmac } from 'node:crypto'
import Stripe from 'stripe'
import { WebhookRejected, type PaymentWebhooks, type ProviderEvent, type ProviderStatus } from '../application/payment-gateway.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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
 * checked by the stripe package itself, with its 5-minute tolerance against replays. The header is
 * read as the kernel reads its own signatures (hex in either case, parts in any order, spaces
 * around them), so a replay cannot pass for a new delivery by writing the same signature otherwise.
 */
export function stripeWebhooks(secret: string): PaymentWebhooks {
  return {
    parse(rawBody, headers) {
      const header = headers['stripe-signature']
      if (typeof header !== 'string' || !header) throw new WebhookRejected('missing Stripe-Signature header')
      const parts = readSignatureHeader(header)
      let event: Stripe.Event
      try {
        event = Stripe.webhooks.constructEvent(rawBody, parts.canonical, secret)
      } catch (err) {
        // The package's message names the failure (no signature match, timestamp outside tolerance), never the secret.
        throw new WebhookRejected((err as Error).message.slice(0, 200))
      }
      // The MAC that verified is the one of (t, payload): every spelling of a delivery has this identity.
      const mac = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest('hex')
      return { ...toProviderEvent(event), delivery: `${parts.t}.${mac}` }
    },
  }
}

/**
 * The header's timestamp and v1 signatures, and the header rewritten as the stripe package reads
 * it (`t=<digits>,v1=<lower-case hex>,…`). Other schemes (v0) are dropped: we never verify them.
 */
function readSignatureHeader(header: string): { t: string; canonical: string } {
  let t = ''
  const v1: string[] = []
  for (const part of header.split(',')) {
    const at = part.indexOf('=')
    if (at < 0) continue
    const key = part.slice(0, at).trim()
    const value = part.slice(at + 1).trim()
    if (key === 't' && /^\d{1,15}$/.test(value)) t = String(Number(value))
    if (key === 'v1') v1.push(/^[0-9a-f]+$/i.test(value) ? value.toLowerCase() : value)
  }
  return { t, canonical: [`t=${t}`, ...v1.map((v) => `v1=${v}`)].join(',') }
}

function toProviderEvent(event: Stripe.Event): Omit<ProviderEvent, 'delivery'> {
  const obj = event.data?.object as unknown as Record<string, unknown> | undefined
  if (typeof event.id !== 'string' || !obj) throw new WebhookRejected('not a Stripe event')
  const num = (v: unknown) => (typeof v === 'number' ? v : 0)
  // Checkout names its order in the intent's metadata (Stripe copies it to the charge).
  const metadata = obj.metadata as Record<string, unknown> | null | undefined
  const orderId = typeof metadata?.order_id === 'string' && UUID.test(metadata.order_id) ? metadata.order_id.toLowerCase() : null
  if (event.type === 'charge.refunded') {
    const pi = typeof obj.payment_intent === 'string' ? obj.payment_intent : null
    const full = obj.refunded === true
    return {
      event_id: event.id,
      type: event.type,
      payment_intent_id: pi,
      order_id: orderId,
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
    order_id: orderId,
    status: pi ? status : null,
    amount_received: num(obj.amount_received),
    amount_refunded: 0,
  }
}

/** Signs a payload the way Stripe does (the local gateway's deliveries, and tests). */
export function signStripeStyle(secret: string, payload: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex')}`
}
