import type { OrderStatus, PaymentStatus, ShipmentStatus } from '@apotheca/contracts'

/** Every legal move of an order's lifecycle; anything else is a 409 at the edge. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['awaiting_verification', 'paid', 'cancelled'],
  awaiting_verification: ['paid', 'cancelled'],
  paid: ['fulfilling', 'cancelled', 'refunded'],
  fulfilling: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
}

/** True when an order may move from `from` to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to)
}

/** Statuses in which the order is still open for a checkout retry or a cancellation. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['pending', 'awaiting_verification', 'paid', 'fulfilling']

/** Why an order cannot be cancelled now, or null when it can (a shipment on its way cannot be recalled). */
export function cancelRefusal(o: { order_status: OrderStatus; shipment_id: string | null }): string | null {
  if (!canTransition(o.order_status, 'cancelled')) return `an order that is ${o.order_status} cannot be cancelled`
  if (o.shipment_id) return 'a shipment was already created for this order'
  return null
}

/** A line as the payment step sees it: whether it is prescription-only and its prescription's status. */
export interface VerificationLine {
  rx_only: boolean
  prescription_status: string | null
}

/**
 * Where an order goes once its payment is authorised: paid (captured now) when every
 * prescription-only line has a verified prescription, else awaiting_verification (authorised only,
 * captured when the pharmacist verifies).
 */
export function statusAfterAuthorisation(lines: VerificationLine[]): { order_status: OrderStatus; capture: boolean } {
  const allVerified = lines.every((l) => !l.rx_only || l.prescription_status === 'verified')
  return allVerified ? { order_status: 'paid', capture: true } : { order_status: 'awaiting_verification', capture: false }
}

/** What cancelling does to the money: void an authorisation, refund a capture, else leave it. */
export function paymentAfterCancel(p: PaymentStatus): { payment_status: PaymentStatus; action: 'void' | 'refund' | 'none' } {
  if (p === 'authorized') return { payment_status: 'voided', action: 'void' }
  if (p === 'captured') return { payment_status: 'refunded', action: 'refund' }
  return { payment_status: p, action: 'none' }
}

const SHIPMENT_TARGET: Partial<Record<ShipmentStatus, OrderStatus>> = {
  in_transit: 'shipped',
  out_for_delivery: 'shipped',
  delivered: 'delivered',
}

/**
 * The statuses an order passes through when its shipment reports `shipment`: events may arrive
 * out of order (delivered while still fulfilling goes through shipped), and stale or repeated ones
 * move nothing.
 */
export function pathForShipment(current: OrderStatus, shipment: ShipmentStatus): OrderStatus[] {
  const target = SHIPMENT_TARGET[shipment]
  if (!target) return []
  const route: OrderStatus[] = current === 'fulfilling' ? ['shipped', 'delivered'] : current === 'shipped' ? ['delivered'] : []
  const end = route.indexOf(target)
  return end < 0 ? [] : route.slice(0, end + 1)
}
