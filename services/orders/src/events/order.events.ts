import type { EventPayload, OrderStatus } from '@apotheca/contracts'
import type { OrderItemRow, OrderRow } from '../db/order.repository.ts'

/** Payload of orders.order.placed.v1: ids, amounts and lines, never PHI. */
export function orderPlaced(o: OrderRow, items: OrderItemRow[]): EventPayload<'orders.order.placed.v1'> {
  return {
    order_id: o.order_id,
    patient_id: o.patient_id,
    items: items.map((i) => ({ drug_id: i.drug_id, quantity: i.quantity, prescription_id: i.prescription_id, unit_price: i.unit_price })),
    total_amount: o.total_amount,
    currency: o.currency,
  }
}

/** Payload of orders.order.status_changed.v1 for an order now in `o`'s statuses. */
export function orderStatusChanged(
  o: OrderRow,
  from: OrderStatus | null,
  reason: string | null,
): EventPayload<'orders.order.status_changed.v1'> {
  return { order_id: o.order_id, patient_id: o.patient_id, from, order_status: o.order_status, payment_status: o.payment_status, reason }
}

/** Payload of orders.order.fulfilment_requested.v1: inventory picks the reservation, delivery ships it. */
export function fulfilmentRequested(o: OrderRow, actorId: string | null): EventPayload<'orders.order.fulfilment_requested.v1'> {
  return { order_id: o.order_id, patient_id: o.patient_id, reservation_id: o.reservation_id!, actor_id: actorId }
}
