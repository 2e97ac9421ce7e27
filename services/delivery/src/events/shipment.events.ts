import type { ShipmentStatus } from '@apotheca/contracts'
import type { Publish, Tx } from '@apotheca/kernel'
import type { ShipmentRow } from '../db/shipment.repository.ts'

/** Writes delivery.shipment.created.v1 to the outbox in the caller's transaction (ids only, no PHI). */
export function publishShipmentCreated(
  publish: Publish,
  tx: Tx,
  s: Pick<ShipmentRow, 'shipment_id' | 'order_id' | 'patient_id' | 'carrier' | 'tracking_number' | 'driver_id' | 'status'>,
) {
  return publish(tx, 'delivery.shipment.created.v1', s.shipment_id, {
    shipment_id: s.shipment_id,
    order_id: s.order_id,
    patient_id: s.patient_id,
    carrier: s.carrier,
    tracking_number: s.tracking_number,
    driver_id: s.driver_id,
    status: s.status,
  })
}

/** Writes delivery.shipment.status_changed.v1 to the outbox in the caller's transaction. */
export function publishStatusChanged(
  publish: Publish,
  tx: Tx,
  s: Pick<ShipmentRow, 'shipment_id' | 'order_id' | 'patient_id'>,
  change: { from: ShipmentStatus; to: ShipmentStatus; occurred_at: Date },
) {
  return publish(tx, 'delivery.shipment.status_changed.v1', s.shipment_id, {
    shipment_id: s.shipment_id,
    order_id: s.order_id,
    patient_id: s.patient_id,
    from: change.from,
    status: change.to,
    occurred_at: change.occurred_at.toISOString(),
  })
}
