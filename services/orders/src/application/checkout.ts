import { Problem } from '@apotheca/kernel'
import { findItems, findLiveOrderByKey, findOrder, type OrderRow } from '../db/order.repository.ts'
import { captureIfVerified } from './prescription-decided.ts'
import { verifyLines } from './cart-lines.ts'
import { cancelOrder, compensateOrder } from './cancel-order.ts'
import { CheckoutRefused, authorisePayment, finishCheckout, placeOrder, reserveStock, type CheckoutInput } from './checkout-steps.ts'
import type { OrdersDeps } from './deps.ts'

/** What checkout answers (and replays for the same Idempotency-Key). */
export interface CheckoutAnswer {
  order_id: string
  order_status: string
  payment_status: string
  total_amount: number
  currency: string
}

const answerOf = (o: OrderRow): CheckoutAnswer => ({
  order_id: o.order_id,
  order_status: o.order_status,
  payment_status: o.payment_status,
  total_amount: o.total_amount,
  currency: o.currency,
})

/**
 * Checkout as a saga: place the order, reserve the stock, authorise, capture. No transaction is open
 * during a call to another service or to the payment provider. Any failure after the order exists
 * cancels it and gives back what was taken (release the stock, void or refund the payment).
 *
 * A crash between steps leaves nothing half done forever: a retry with the same Idempotency-Key
 * resumes the pending order (the provider's idempotency key is the order id, so no second hold);
 * without a retry, the settle job cancels and compensates it after a while, a reservation we never
 * learnt of is released when its inventory.reservation.created.v1 finds the order cancelled, and
 * inventory's hold expires by itself in any case.
 */
export async function checkout(deps: OrdersDeps, input: CheckoutInput): Promise<CheckoutAnswer> {
  const existing = await findLiveOrderByKey(deps.db, input.patient_id, input.key)
  if (existing && existing.order_status !== 'pending') return answerOf(existing)
  const placed = existing
    ? { order: existing, items: await findItems(deps.db, existing.order_id), verification: null }
    : await placeOrder(deps, input)
  try {
    const verification = placed.verification ?? (await verifyLines(deps, input.patient_id, placed.items))
    const reserved = await reserveStock(deps, placed.order, placed.items)
    const authorised = await authorisePayment(deps, reserved, input.payment_method)
    let done = await finishCheckout(deps, authorised, placed.items, verification)
    if (done.order_status === 'awaiting_verification') done = await recheckVerification(deps, done)
    deps.log.info({ order_id: done.order_id, order_status: done.order_status, total_amount: done.total_amount }, 'checkout done')
    return answerOf(done)
  } catch (err) {
    throw await abandonCheckout(deps, placed.order.order_id, err)
  }
}

/**
 * A pharmacist may verify the prescription between our read of it and our commit of
 * awaiting_verification; the consumer of that decision would then have found no order waiting. Reading
 * it again after the commit closes the gap: one of the two sees the other. A failure here is not the
 * checkout's: the order stays authorised and waits for the event or the next decision.
 */
async function recheckVerification(deps: OrdersDeps, o: OrderRow): Promise<OrderRow> {
  try {
    await captureIfVerified(deps, o.order_id)
    return (await findOrder(deps.db, o.order_id)) ?? o
  } catch (err) {
    deps.log.warn(
      { order_id: o.order_id, err: (err as Error).message.slice(0, 200) },
      'verification recheck failed; the prescription event will settle it',
    )
    return o
  }
}

/** Cancels a failed checkout's order and gives back what it took; returns the error to answer. */
async function abandonCheckout(deps: OrdersDeps, orderId: string, err: unknown): Promise<unknown> {
  const refused = err instanceof CheckoutRefused ? err : null
  const reason = refused?.reason ?? (err instanceof Problem ? err.slug.replaceAll('-', '_') : 'checkout_failed')
  try {
    await cancelOrder(deps, orderId, {
      reason,
      actor_id: null,
      ...(refused?.payment_status ? { payment_status: refused.payment_status } : {}),
    })
    await compensateOrder(deps, orderId)
  } catch (e) {
    deps.log.warn({ order_id: orderId, err: (e as Error).message.slice(0, 200) }, 'failed checkout left to the settle job')
  }
  deps.log.info({ order_id: orderId, reason }, 'checkout refused')
  return refused ? refused.problem : err
}
