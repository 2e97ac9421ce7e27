import { randomUUID } from 'node:crypto'
import { inventoryClient, type PaymentStatus } from '@apotheca/contracts'
import { Problem, conflict, isUniqueViolation, seal } from '@apotheca/kernel'
import { orderTotals, lineTotal, ORDER_CURRENCY } from '../domain/money.ts'
import { statusAfterAuthorisation, type VerificationLine } from '../domain/order-status.ts'
import { deleteCartItems } from '../db/cart.repository.ts'
import { insertConfirmation } from '../db/confirmation.repository.ts'
import { confirmationDocument } from '../domain/order-confirmation.ts'
import {
  findOpenOrdersForPrescriptions,
  findOrder,
  hasPendingOrder,
  insertHistory,
  insertOrder,
  lockOrder,
  updateOrder,
  type OrderItemRow,
  type OrderRow,
} from '../db/order.repository.ts'
import { insertPayment, setPaymentStatus } from '../db/payment.repository.ts'
import { orderPlaced, orderStatusChanged } from '../events/order.events.ts'
import type { AuthorizeResult } from './payment-gateway.ts'
import { cartForCheckout } from './manage-cart.ts'
import { verifyLines } from './cart-lines.ts'
import { dependency } from './dependency.ts'
import { applyTransition } from './order-transition.ts'
import type { OrdersDeps } from './deps.ts'

/**
 * How long inventory holds the stock of a checkout. A paid order waits for a pharmacist, so the
 * hold is the longest inventory allows; an abandoned checkout's hold is released earlier by the
 * settle job, and expires by itself in any case.
 */
export const CHECKOUT_HOLD_MINUTES = 24 * 60

/** A checkout as the patient asked for it. */
export interface CheckoutInput {
  patient_id: string
  key: string
  payment_method: string
  shipping_address?: Record<string, unknown> | undefined
}

/** A refusal the saga answers after cancelling the order (out of stock, payment declined). */
export class CheckoutRefused extends Error {
  constructor(
    readonly reason: string,
    readonly payment_status: PaymentStatus | null,
    readonly problem: Problem,
  ) {
    super(problem.title)
  }
}

/** Step 1: re-validates the cart and stores the order 'pending' with its lines, history and events. */
export async function placeOrder(deps: OrdersDeps, input: CheckoutInput) {
  const cart = await cartForCheckout(deps, input.patient_id)
  if (await hasPendingOrder(deps.db, input.patient_id)) throw checkoutInProgress()
  const verification = await verifyLines(deps, input.patient_id, cart)
  const rxIds = cart.flatMap((l) => (l.prescription_id ? [l.prescription_id] : []))
  const inUse = await findOpenOrdersForPrescriptions(deps.db, input.patient_id, rxIds, null)
  if (inUse.length) throw conflict('prescription-in-use', 'An open order already uses this prescription', `prescription ${inUse[0]}`)
  const items: OrderItemRow[] = cart.map((l) => ({ ...l, line_total: lineTotal(l.unit_price, l.quantity) }))
  const order_id = randomUUID()
  const fields = {
    order_id,
    patient_id: input.patient_id,
    order_status: 'pending' as const,
    payment_status: 'pending' as const,
    currency: ORDER_CURRENCY,
    ...orderTotals(items),
    idempotency_key: input.key,
    shipping_address_sealed: input.shipping_address ? seal(deps.addressKey, JSON.stringify(input.shipping_address), order_id) : null,
  }
  try {
    await deps.db.transaction(async (tx) => {
      await insertOrder(tx, fields, items)
      const order = (await lockOrder(tx, order_id))!
      await insertHistory(tx, {
        order_id,
        from: null,
        to: 'pending',
        payment_status: 'pending',
        reason: 'checkout',
        actor_id: input.patient_id,
      })
      await deps.publish(tx, 'orders.order.placed.v1', order_id, orderPlaced(order, items))
      await deps.publish(tx, 'orders.order.status_changed.v1', order_id, orderStatusChanged(order, null, 'checkout'))
    })
  } catch (err) {
    throw isUniqueViolation(err) ? checkoutInProgress() : err
  }
  return { order: (await findOrder(deps.db, order_id))!, items, verification }
}

/** Step 2: holds the stock (all or nothing); out of stock refuses the checkout. */
export async function reserveStock(deps: OrdersDeps, o: OrderRow, items: OrderItemRow[]): Promise<OrderRow> {
  if (o.reservation_id && o.reservation_status === 'held') return o
  const r = await dependency(deps.log, 'inventory', () =>
    inventoryClient(deps.services).reserve({
      order_id: o.order_id,
      patient_id: o.patient_id,
      items: items.map((i) => ({ drug_id: i.drug_id, quantity: i.quantity })),
      hold_minutes: CHECKOUT_HOLD_MINUTES,
    }),
  )
  if (!r.ok) {
    const p = r.problem ?? {}
    const problem =
      r.status === 422
        ? new Problem(422, 'reservation-refused', p.title ?? 'Inventory refused the reservation', p.detail, { order_id: o.order_id })
        : new Problem(409, 'out-of-stock', 'Some items are out of stock', p.detail ?? 'nothing was reserved or charged', {
            order_id: o.order_id,
            ...(p.items ? { items: p.items } : {}),
          })
    throw new CheckoutRefused('out_of_stock', null, problem)
  }
  if (r.reservation.status !== 'held') {
    // Inventory answers an order's existing reservation again: this one lapsed while the checkout was pending.
    throw new CheckoutRefused(
      'reservation_expired',
      null,
      new Problem(409, 'reservation-expired', 'The stock hold of this checkout expired', 'check out again', { order_id: o.order_id }),
    )
  }
  const patch = { reservation_id: r.reservation.reservation_id, reservation_status: 'held' as const }
  await deps.db.transaction((tx) => updateOrder(tx, o.order_id, patch))
  return { ...o, ...patch }
}

/** Step 3: authorises the payment (a hold, captured in step 4); a refusal cancels the checkout. */
export async function authorisePayment(deps: OrdersDeps, o: OrderRow, paymentMethod: string): Promise<OrderRow> {
  if (o.payment_intent_id && o.payment_status === 'authorized') return o
  const r = await dependency(deps.log, 'payments', () =>
    deps.gateway.authorize({
      amount: o.total_amount,
      currency: o.currency,
      payment_method: paymentMethod,
      idempotency_key: `order:${o.order_id}`,
      order_id: o.order_id,
    }),
  )
  const status: PaymentStatus = r.outcome === 'authorized' ? 'authorized' : 'failed'
  await deps.db.transaction(async (tx) => {
    if (r.intent_id) {
      await insertPayment(tx, {
        payment_intent_id: r.intent_id,
        order_id: o.order_id,
        amount: o.total_amount,
        currency: o.currency,
        status,
        provider: deps.gateway.provider,
        payment_method: paymentMethod,
        decline_code: r.outcome === 'declined' ? r.decline_code : null,
      })
      await updateOrder(tx, o.order_id, { payment_intent_id: r.intent_id, ...(status === 'authorized' ? { payment_status: status } : {}) })
    }
  })
  if (r.outcome !== 'authorized') throw paymentRefusal(o, r)
  return { ...o, payment_intent_id: r.intent_id, payment_status: 'authorized' }
}

/**
 * Step 4: captures now when every prescription is verified (paid), else keeps the authorisation
 * (awaiting_verification); signs the confirmation and empties the ordered lines from the cart in the
 * same transaction.
 */
export async function finishCheckout(
  deps: OrdersDeps,
  o: OrderRow,
  items: OrderItemRow[],
  verification: VerificationLine[],
): Promise<OrderRow> {
  const next = statusAfterAuthorisation(verification)
  if (next.capture) await dependency(deps.log, 'payments', () => deps.gateway.capture(o.payment_intent_id!))
  const payment_status: PaymentStatus = next.capture ? 'captured' : 'authorized'
  const done = await deps.db.transaction(async (tx) => {
    const locked = (await lockOrder(tx, o.order_id))!
    await setPaymentStatus(tx, o.payment_intent_id!, payment_status)
    if (locked.order_status !== 'pending') {
      // Cancelled while we were paying: record what the money did, so that compensation gives it back.
      await updateOrder(tx, o.order_id, { payment_status })
      return null
    }
    const paid = await applyTransition(deps, tx, locked, {
      to: next.order_status,
      payment_status,
      reason: 'checkout',
      actor_id: o.patient_id,
    })
    const signed = deps.signer.sign(confirmationDocument(paid, items, new Date().toISOString()))
    await insertConfirmation(tx, o.order_id, { ...signed, key_id: deps.signer.keyId })
    await deleteCartItems(
      tx,
      o.patient_id,
      items.map((i) => i.drug_id),
    )
    return paid
  })
  if (!done) throw conflict('order-cancelled', 'The order was cancelled during checkout', 'its payment is given back')
  return done
}

const checkoutInProgress = () =>
  conflict(
    'checkout-in-progress',
    'Another checkout is in progress for this patient',
    'wait for it to finish, or retry it with its own Idempotency-Key',
  )

function paymentRefusal(o: OrderRow, r: Exclude<AuthorizeResult, { outcome: 'authorized' }>): CheckoutRefused {
  const extra = { order_id: o.order_id }
  if (r.outcome === 'declined') {
    return new CheckoutRefused(
      'payment_declined',
      'failed',
      new Problem(402, 'payment-declined', 'The payment was declined', `${r.decline_code}: nothing was charged and no stock is held`, {
        ...extra,
        decline_code: r.decline_code,
      }),
    )
  }
  if (r.outcome === 'requires_action') {
    return new CheckoutRefused(
      'payment_authentication_required',
      'failed',
      new Problem(
        402,
        'payment-authentication-required',
        'The card needs authentication (3-D Secure), which checkout does not support yet',
        'use another card',
        extra,
      ),
    )
  }
  return new CheckoutRefused(
    'payment_method_invalid',
    'failed',
    new Problem(
      402,
      'payment-method-invalid',
      'The payment method is not usable',
      'send a payment method token (pm_…) from the payment provider',
      extra,
    ),
  )
}
