import { notFound, type Principal } from '@apotheca/kernel'
import { findHistory, findItems, findOrder } from '../db/order.repository.ts'
import { findConfirmation } from '../db/confirmation.repository.ts'
import { canSeeOrder } from './access.ts'
import type { OrdersDeps } from './deps.ts'

/** An order's status, money, shipment and history, for its patient or pharmacy staff (others: 404). */
export async function getOrderStatus(deps: OrdersDeps, who: Principal, orderId: string) {
  const o = await findOrder(deps.db, orderId)
  if (!o || !canSeeOrder(who, o)) throw notFound('Order')
  const [items, history, confirmation] = await Promise.all([
    findItems(deps.db, orderId),
    findHistory(deps.db, orderId),
    findConfirmation(deps.db, orderId),
  ])
  return {
    order_id: o.order_id,
    patient_id: o.patient_id,
    order_status: o.order_status,
    payment_status: o.payment_status,
    subtotal: o.subtotal,
    shipping: o.shipping,
    tax: o.tax,
    total_amount: o.total_amount,
    currency: o.currency,
    shipment_id: o.shipment_id,
    carrier: o.carrier,
    tracking_number: o.tracking_number,
    estimated_delivery_at: o.estimated_delivery_at,
    items: items.map((i) => ({
      drug_id: i.drug_id,
      name: i.name,
      quantity: i.quantity,
      prescription_id: i.prescription_id,
      unit_price: i.unit_price,
      line_total: i.line_total,
    })),
    history,
    // The signed confirmation: `document` is the exact canonical JSON the Ed25519 signature covers.
    confirmation: confirmation ? { ...confirmation, algorithm: 'Ed25519' } : null,
    created_at: o.created_at,
    updated_at: o.updated_at,
  }
}
