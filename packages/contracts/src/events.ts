import { z } from 'zod'
import { OrderStatus, PaymentStatus, PrescriptionStatus, ShipmentStatus, AdjustmentReason, Role } from './vocab.ts'

/**
 * Event payload schemas, by type `<service>.<aggregate>.<fact>.v<N>`. Only additive changes within
 * a version. Payloads carry ids, never PHI: a consumer that needs a patient's contact asks identity.
 */
const pick = z.object({ drug_id: z.uuid(), batch_number: z.string(), expiry_date: z.string(), location_id: z.uuid(), quantity: z.number().int().positive() })
const orderItem = z.object({ drug_id: z.uuid(), quantity: z.number().int().positive(), prescription_id: z.uuid().nullable(), unit_price: z.number().int() })

export const eventSchemas = {
  'identity.patient.registered.v1': z.object({ patient_id: z.uuid() }),
  'identity.patient.erased.v1': z.object({ patient_id: z.uuid() }),
  'identity.account.created.v1': z.object({ account_id: z.uuid(), role: Role }),
  // A read of a patient's PHI (DESIGN: PHI reads are audited): who read it (actor_id), and for what.
  'identity.patient.accessed.v1': z.object({ patient_id: z.uuid(), actor_id: z.string(), purpose: z.enum(['export', 'internal']) }),
  'catalog.import.completed.v1': z.object({ import_id: z.uuid(), source: z.string(), upserted: z.number().int(), skipped: z.number().int() }),
  'prescriptions.prescription.received.v1': z.object({
    prescription_id: z.uuid(), patient_id: z.uuid(), drug_id: z.uuid().nullable(), prescriber_id: z.uuid().nullable(),
    quantity: z.number().int(), refill_count: z.number().int(), channel: z.string(),
  }),
  'prescriptions.prescription.status_changed.v1': z.object({
    prescription_id: z.uuid(), patient_id: z.uuid(), from: PrescriptionStatus.nullable(), to: PrescriptionStatus, reason: z.string().nullable(), actor_id: z.string().nullable(),
  }),
  'prescriptions.epcs.status_received.v1': z.object({ message_id: z.string(), prescription_id: z.string(), status: z.string() }),
  'inventory.stock.adjusted.v1': z.object({
    drug_id: z.uuid(), batch_number: z.string(), location_id: z.uuid(), quantity_delta: z.number().int(), reason: AdjustmentReason, quantity_on_hand: z.number().int(), actor_id: z.string().nullable(),
  }),
  'inventory.reservation.created.v1': z.object({ reservation_id: z.uuid(), order_id: z.uuid(), picks: z.array(pick), expires_at: z.string() }),
  'inventory.reservation.released.v1': z.object({ reservation_id: z.uuid(), order_id: z.uuid(), reason: z.string() }),
  'inventory.reservation.committed.v1': z.object({ reservation_id: z.uuid(), order_id: z.uuid(), patient_id: z.uuid(), picks: z.array(pick) }),
  'orders.order.placed.v1': z.object({ order_id: z.uuid(), patient_id: z.uuid(), items: z.array(orderItem), total_amount: z.number().int(), currency: z.string() }),
  'orders.order.status_changed.v1': z.object({
    order_id: z.uuid(), patient_id: z.uuid(), from: OrderStatus.nullable(), order_status: OrderStatus, payment_status: PaymentStatus, reason: z.string().nullable(),
  }),
  'orders.order.fulfilment_requested.v1': z.object({ order_id: z.uuid(), patient_id: z.uuid(), reservation_id: z.uuid(), actor_id: z.string().nullable() }),
  'delivery.shipment.created.v1': z.object({
    shipment_id: z.uuid(), order_id: z.uuid(), patient_id: z.uuid(), carrier: z.string(), tracking_number: z.string(), driver_id: z.uuid().nullable(), status: ShipmentStatus,
  }),
  'delivery.shipment.status_changed.v1': z.object({
    shipment_id: z.uuid(), order_id: z.uuid(), patient_id: z.uuid(), from: ShipmentStatus, status: ShipmentStatus, occurred_at: z.string(),
  }),
} as const

export type EventType = keyof typeof eventSchemas
export type EventPayload<T extends EventType> = z.infer<(typeof eventSchemas)[T]>

/** The envelope every event travels in, on the outbox, in process and on Kafka. */
export const EventEnvelope = z.object({
  id: z.uuid(),
  type: z.string(),
  occurred_at: z.string(),
  aggregate_id: z.string(),
  version: z.number().int(),
  payload: z.record(z.string(), z.unknown()),
  traceparent: z.string().nullable(),
})
export type EventEnvelope<T extends EventType = EventType> = Omit<z.infer<typeof EventEnvelope>, 'payload' | 'type'> & {
  type: T
  payload: EventPayload<T>
}

/** `orders.order.placed.v1` → `orders.order`: the family, which is also the Kafka topic's stem. */
export function eventFamily(type: string): string {
  const parts = type.split('.')
  return `${parts[0]}.${parts[1]}`
}

/** `orders.order.placed.v1` → 1. */
export function eventVersion(type: string): number {
  return Number(/\.v(\d+)$/.exec(type)?.[1] ?? 1)
}

/** Every event family: one Kafka topic each. */
export const EVENT_FAMILIES = [...new Set(Object.keys(eventSchemas).map(eventFamily))]
