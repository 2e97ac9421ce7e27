import { randomBytes } from 'node:crypto'
import type { Sql } from '@apotheca/kernel'
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway } from '../application/payment-gateway.ts'
import { findIntent, insertIntentOnce, moveIntent, type LocalIntent } from '../db/local-intent.repository.ts'

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
 * that an authorisation outlives a restart.
 */
export function localPaymentGateway(db: Sql): PaymentGateway {
  return {
    provider: 'local',
    authorize: (req) => authorize(db, req),
    async capture(id) {
      const i = await mustFind(db, id)
      if (i.status === 'succeeded') return
      if (!(await moveIntent(db, id, 'requires_capture', 'succeeded', { amount_received: i.amount }))) throw stateError('capture', i)
    },
    async void(id) {
      const i = await mustFind(db, id)
      if (i.status === 'canceled') return 'voided'
      if (i.status === 'succeeded') return 'already_captured'
      if (!(await moveIntent(db, id, i.status, 'canceled'))) throw stateError('void', i)
      return 'voided'
    },
    async refund(id) {
      const i = await mustFind(db, id)
      if (i.status !== 'succeeded') throw stateError('refund', i)
      if (i.amount_refunded >= i.amount_received) return
      await moveIntent(db, id, 'succeeded', 'succeeded', { amount_refunded: i.amount_received })
    },
  }
}

async function authorize(db: Sql, req: AuthorizeRequest): Promise<AuthorizeResult> {
  const method = TEST_METHODS[req.payment_method]
  if (!method) return { outcome: 'invalid_method', intent_id: null }
  const intent = await insertIntentOnce(db, {
    id: `pi_${randomBytes(12).toString('hex')}`,
    idempotency_key: req.idempotency_key,
    amount: req.amount,
    currency: req.currency,
    payment_method: req.payment_method,
    status: method.status,
    amount_received: 0,
    amount_refunded: 0,
    last_error_code: method.error ?? null,
  })
  if (intent.status === 'requires_action') return { outcome: 'requires_action', intent_id: intent.id }
  if (intent.status === 'requires_payment_method') return { outcome: 'declined', intent_id: intent.id, decline_code: intent.last_error_code ?? 'card_declined' }
  return { outcome: 'authorized', intent_id: intent.id }
}

async function mustFind(db: Sql, id: string): Promise<LocalIntent> {
  const i = await findIntent(db, id)
  if (!i) throw new Error(`local gateway: no payment intent ${id}`)
  return i
}

function stateError(action: string, i: LocalIntent) {
  return new Error(`local gateway: cannot ${action} payment intent ${i.id} in status ${i.status}`)
}
