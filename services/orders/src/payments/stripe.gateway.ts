import Stripe from 'stripe'
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway } from '../application/payment-gateway.ts'

/** Where the adapter talks to: Stripe itself, or a twin of its REST API (tests). */
export interface StripeOptions {
  secretKey: string
  host?: string
  port?: number
  protocol?: 'http' | 'https'
}

/**
 * The Stripe adapter: PaymentIntents confirmed at once with capture_method manual (a hold), captured
 * or cancelled later, refunds. Every create carries an idempotency key, so a retry after a crash
 * gets the first intent back; capture, cancel and refund are made idempotent by reading the intent
 * when Stripe says it is no longer in the state the call needs.
 */
export function stripeGateway(o: StripeOptions): PaymentGateway {
  const stripe = new Stripe(o.secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    ...(o.host ? { host: o.host } : {}),
    ...(o.port ? { port: o.port } : {}),
    ...(o.protocol ? { protocol: o.protocol } : {}),
  })
  const retrieve = (id: string) => stripe.paymentIntents.retrieve(id)
  return {
    provider: 'stripe',
    authorize: (req) => authorize(stripe, req),
    async capture(id) {
      try {
        await stripe.paymentIntents.capture(id, {}, { idempotencyKey: `capture:${id}` })
      } catch (err) {
        if (!unexpectedState(err) || (await retrieve(id)).status !== 'succeeded') throw err
      }
    },
    async void(id) {
      try {
        await stripe.paymentIntents.cancel(id, {}, { idempotencyKey: `cancel:${id}` })
        return 'voided'
      } catch (err) {
        if (!unexpectedState(err)) throw err
        const status = (await retrieve(id)).status
        if (status === 'canceled') return 'voided'
        if (status === 'succeeded') return 'already_captured'
        throw err
      }
    },
    async refund(id) {
      try {
        await stripe.refunds.create({ payment_intent: id }, { idempotencyKey: `refund:${id}` })
      } catch (err) {
        if (!(err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'charge_already_refunded')) throw err
      }
    },
  }
}

async function authorize(stripe: Stripe, req: AuthorizeRequest): Promise<AuthorizeResult> {
  try {
    const pi = await stripe.paymentIntents.create(
      {
        amount: req.amount,
        currency: req.currency.toLowerCase(),
        payment_method: req.payment_method,
        // No redirect-based methods: the patient's app confirms 3-D Secure itself, we never send them away.
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
        capture_method: 'manual',
        confirm: true,
        metadata: { order_id: req.order_id },
      },
      { idempotencyKey: req.idempotency_key },
    )
    if (pi.status === 'requires_capture' || pi.status === 'succeeded') return { outcome: 'authorized', intent_id: pi.id }
    if (pi.status === 'requires_action') return { outcome: 'requires_action', intent_id: pi.id }
    return {
      outcome: 'declined',
      intent_id: pi.id,
      decline_code: pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? 'declined',
    }
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) {
      const pi = (err.raw as { payment_intent?: { id?: string } } | undefined)?.payment_intent?.id ?? null
      return { outcome: 'declined', intent_id: pi, decline_code: err.decline_code ?? err.code ?? 'card_declined' }
    }
    // An unknown or unusable payment method token is the client's mistake, not an outage.
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === 'payment_method')
      return { outcome: 'invalid_method', intent_id: null }
    throw err
  }
}

function unexpectedState(err: unknown): boolean {
  return err instanceof Stripe.errors.StripeInvalidRequestError && err.code === 'payment_intent_unexpected_state'
}
