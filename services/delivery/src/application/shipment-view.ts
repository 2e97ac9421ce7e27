import type { ShipmentRow } from '../db/shipment.repository.ts'
import type { ShipmentEventRow } from '../db/shipment-event.repository.ts'

/** A shipment as the API shows it (snake_case, ISO times, destination as a ZIP centroid). */
export function shipmentView(s: ShipmentRow) {
  return {
    shipment_id: s.shipment_id,
    order_id: s.order_id,
    patient_id: s.patient_id,
    carrier: s.carrier,
    tracking_number: s.tracking_number,
    driver_id: s.driver_id,
    status: s.status,
    status_occurred_at: s.status_occurred_at.toISOString(),
    destination: s.destination,
    postal_code: s.postal_code,
    estimated_delivery_at: s.estimated_delivery_at,
    created_at: s.created_at,
    updated_at: s.updated_at,
    version: s.version,
  }
}

/** A shipment with its tracking history (applied reports and late ones kept for the record). */
export function trackingView(s: ShipmentRow, events: ShipmentEventRow[]) {
  return { ...shipmentView(s), events }
}
