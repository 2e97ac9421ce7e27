import { ServiceCallError, inventoryClient, type PaymentStatus } from '@apotheca/contracts'
import { Problem, conflict, notFound, type Principal } from '@apotheca/kernel'
import { cancelRefusal, paymentAfterCancel } from '../domain/order-status.ts'
import { findOrder, lockOrder, updateOrder, type OrderPatch, type OrderRow } from '../db/order.repository.ts'
import { setPaymentStatus } from '../db/payment.repository.ts'
import { applyTransition } from './order-transition.ts'
import { canSeeOrder } from './access.ts'
import type { OrdersDeps } from './deps.ts'

/** Why an order is cancelled, as recorded in its history and its events. */
export interface Cancellation {
  reason: string
  actor_id: string | null
  payment_status?: PaymentStatus
}

/**
 * Cancels an order in one transaction (cancelling a cancelled order changes nothing). The stock and
 * the money are given back afterwards by compensateOrder, outside any transaction; until that is
 * done compensated_at stays empty, and the settle job finishes it after a crash or an outage.
 */
export async function cancelOrder(deps: OrdersDeps, orderId: string, c: Cancellation): Promise<OrderRow> {
  return deps.db.transaction(async (tx) => {
    const o = await lockOrder(tx, orderId)
    if (!o) throw notFound('Order')
    if (o.order_status === 'cancelled') return o
    const refusal = cancelRefusal(o)
    if (refusal) throw conflict('illegal-transition', 'The order cannot be cancelled', refusal, { order_status: o.order_status })
    return applyTransition(deps, tx, o, {
      to: 'cancelled',
      reason: c.reason,
      actor_id: c.actor_id,
      patch: { cancel_reason: c.reason },
      ...(c.payment_status ? { payment_status: c.payment_status } : {}),
    })
  })
}

/** Releases a cancelled order's reservation and voids or refunds its payment; safe to run again. */
export async function compensateOrder(deps: OrdersDeps, orderId: string): Promise<OrderRow | null> {
  const o = await findOrder(deps.db, orderId)
  if (!o || o.order_status !== 'cancelled' || o.compensated_at) return o
  const released = await releaseReservation(deps, o)
  const payment = await giveMoneyBack(deps, o)
  return deps.db.transaction(async (tx) => {
    const locked = (await lockOrder(tx, orderId))!
    if (locked.compensated_at) return locked
    const patch: OrderPatch = {}
    if (released && locked.reservation_id && locked.reservation_status !== 'committed') patch.reservation_status = 'released'
    if (released && payment) patch.compensated_at = new Date().toISOString()
    if (!payment || payment === locked.payment_status) {
      await updateOrder(tx, orderId, patch)
      return { ...locked, ...patch }
    }
    if (locked.payment_intent_id) await setPaymentStatus(tx, locked.payment_intent_id, payment)
    return applyTransition(deps, tx, locked, {
      to: 'cancelled',
      payment_status: payment,
      reason: `payment_${payment}`,
      actor_id: null,
      patch,
    })
  })
}

/** The patient's or the staff's cancellation: cancel, then give back stock and money. */
export async function requestCancellation(deps: OrdersDeps, who: Principal, orderId: string, reason: string) {
  const o = await findOrder(deps.db, orderId)
  if (!o || !canSeeOrder(who, o)) throw notFound('Order')
  await cancelOrder(deps, orderId, { reason, actor_id: who.sub })
  const done = (await compensateOrder(deps, orderId))!
  deps.log.info({ order_id: orderId, payment_status: done.payment_status, compensated: !!done.compensated_at }, 'order cancelled')
  return { order_id: done.order_id, order_status: done.order_status, payment_status: done.payment_status }
}

/**
 * The saga's own cancellation (a prescription refused, stock that cannot supply the order): cancel,
 * then give back stock and money. An order that moved on meanwhile (409) is left alone; a failed
 * compensation is finished by the settle job (compensated_at stays empty until then).
 */
export async function cancelBySystem(deps: OrdersDeps, orderId: string, reason: string): Promise<void> {
  try {
    await cancelOrder(deps, orderId, { reason, actor_id: null })
  } catch (err) {
    if (err instanceof Problem && err.status === 409) return
    throw err
  }
  await compensateOrder(deps, orderId).catch((err) =>
    deps.log.warn({ order_id: orderId, err: (err as Error).message.slice(0, 200) }, 'compensation left to the settle job'),
  )
  deps.log.info({ order_id: orderId, reason }, 'order cancelled by the saga')
}

/** True when nothing stays reserved (released now, before, or never held). */
export async function releaseReservation(deps: OrdersDeps, o: OrderRow): Promise<boolean> {
  if (!o.reservation_id || o.reservation_status === 'released') return true
  if (o.reservation_status === 'committed') {
    // The stock was already picked for this order: putting it back on the shelf is a staff adjustment.
    deps.log.warn(
      { order_id: o.order_id, reservation_id: o.reservation_id },
      'cancelled order had its stock picked; it must be returned to stock',
    )
    return true
  }
  try {
    await inventoryClient(deps.services).release(o.reservation_id, o.cancel_reason ?? 'order_cancelled')
    return true
  } catch (err) {
    // Already gone (expired, released): nothing is held any more.
    if (err instanceof ServiceCallError && (err.status === 404 || err.status === 409)) return true
    deps.log.warn({ order_id: o.order_id, err: (err as Error).message.slice(0, 200) }, 'reservation release failed; will retry')
    return false
  }
}

/** The payment status once the money is back (voided or refunded), or null when the provider failed. */
async function giveMoneyBack(deps: OrdersDeps, o: OrderRow): Promise<PaymentStatus | null> {
  const { payment_status, action } = paymentAfterCancel(o.payment_status)
  if (action === 'none' || !o.payment_intent_id) return payment_status
  try {
    if (action === 'void' && (await deps.gateway.void(o.payment_intent_id)) === 'voided') return 'voided'
    await deps.gateway.refund(o.payment_intent_id)
    return 'refunded'
  } catch (err) {
    deps.log.warn({ order_id: o.order_id, err: (err as Error).message.slice(0, 200) }, 'payment void/refund failed; will retry')
    return null
  }
}
