import type { OrderStatus, PaymentStatus } from '@apotheca/contracts'
import { conflict, type Tx } from '@apotheca/kernel'
import { canTransition } from '../domain/order-status.ts'
import { insertHistory, updateOrder, type OrderPatch, type OrderRow } from '../db/order.repository.ts'
import { orderStatusChanged } from '../events/order.events.ts'
import type { OrdersDeps } from './deps.ts'

/** A change of an order's status (or of its payment status alone, when `to` is the current status). */
export interface StatusChange {
  to: OrderStatus
  payment_status?: PaymentStatus
  reason: string | null
  actor_id: string | null
  patch?: OrderPatch
}

/**
 * Applies a status change to an order locked in `tx`: checks it against the lifecycle, stores it,
 * appends the history and writes orders.order.status_changed.v1 to the outbox, all in that transaction.
 */
export async function applyTransition(deps: Pick<OrdersDeps, 'publish'>, tx: Tx, o: OrderRow, c: StatusChange): Promise<OrderRow> {
  if (c.to !== o.order_status && !canTransition(o.order_status, c.to)) {
    throw conflict('illegal-transition', `An order that is ${o.order_status} cannot become ${c.to}`, undefined, {
      order_status: o.order_status,
    })
  }
  const payment_status = c.payment_status ?? o.payment_status
  const next: OrderRow = { ...o, ...c.patch, order_status: c.to, payment_status, version: o.version + 1 }
  await updateOrder(tx, o.order_id, { ...c.patch, order_status: c.to, payment_status })
  await insertHistory(tx, { order_id: o.order_id, from: o.order_status, to: c.to, payment_status, reason: c.reason, actor_id: c.actor_id })
  await deps.publish(tx, 'orders.order.status_changed.v1', o.order_id, orderStatusChanged(next, o.order_status, c.reason))
  return next
}
