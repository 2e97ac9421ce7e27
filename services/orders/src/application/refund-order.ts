import { conflict, notFound, type Principal } from '@apotheca/kernel'
import { canTransition } from '../domain/order-status.ts'
import { findOrder, lockOrder, updateOrder } from '../db/order.repository.ts'
import { setPaymentStatus } from '../db/payment.repository.ts'
import { releaseReservation } from './cancel-order.ts'
import { dependency } from './dependency.ts'
import { applyTransition } from './order-transition.ts'
import type { OrdersDeps } from './deps.ts'

/**
 * Staff refund a captured order (paid, or delivered and returned): the provider gives the money back
 * first (idempotent: one refund per intent), then the order becomes refunded in one transaction, then
 * a stock hold that was never picked is released. Refunding a refunded order answers it again.
 */
export async function refundOrder(deps: OrdersDeps, who: Principal, orderId: string, reason: string) {
  const o = await findOrder(deps.db, orderId)
  if (!o) throw notFound('Order')
  if (o.order_status !== 'refunded') {
    if (!canTransition(o.order_status, 'refunded') || o.payment_status !== 'captured' || !o.payment_intent_id) {
      throw conflict(
        'illegal-transition',
        'The order cannot be refunded',
        `an order that is ${o.order_status} with a payment ${o.payment_status} cannot be refunded; cancel it instead`,
        { order_status: o.order_status },
      )
    }
    await dependency(deps.log, 'payments', () => deps.gateway.refund(o.payment_intent_id!))
    await deps.db.transaction(async (tx) => {
      const locked = (await lockOrder(tx, orderId))!
      if (locked.order_status === 'refunded') return
      await setPaymentStatus(tx, o.payment_intent_id!, 'refunded')
      await applyTransition(deps, tx, locked, { to: 'refunded', payment_status: 'refunded', reason, actor_id: who.sub })
    })
  }
  const done = (await findOrder(deps.db, orderId))!
  if (done.reservation_status === 'held' && (await releaseReservation(deps, done))) {
    await deps.db.transaction((tx) => updateOrder(tx, orderId, { reservation_status: 'released' }))
  }
  deps.log.info({ order_id: orderId, actor_id: who.sub }, 'order refunded')
  return { order_id: orderId, order_status: done.order_status, payment_status: done.payment_status }
}
