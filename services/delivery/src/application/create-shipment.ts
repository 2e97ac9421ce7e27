import { randomInt, randomUUID } from 'node:crypto'
import type { Publish, Tx } from '@apotheca/kernel'
import { OWN_FLEET, estimateDeliveryAt } from '../domain/shipment.ts'
import { generateTrackingNumber } from '../domain/tracking-number.ts'
import { pickDriver } from '../db/driver.repository.ts'
import { findShipmentByOrder, insertShipment, type NewShipment } from '../db/shipment.repository.ts'
import { insertShipmentEvent } from '../db/shipment-event.repository.ts'
import { publishShipmentCreated } from '../events/shipment.events.ts'
import type { GeocodeResult } from '../geocoding/geocoder.ts'

/** What a packed order's shipment is made from; destination null when the address is unknown. */
export interface ShipmentRequest {
  order_id: string
  patient_id: string
  destination: GeocodeResult | null
}

const TRACKING_ATTEMPTS = 5

/**
 * Creates the shipment of a packed order, once per order, in the caller's transaction: assigns the
 * nearest available driver of our fleet (else the least loaded; none → label_created), gives it a
 * tracking number and publishes delivery.shipment.created.v1.
 */
export async function createShipment(
  tx: Tx,
  publish: Publish,
  req: ShipmentRequest,
  now = new Date(),
): Promise<{ shipment_id: string; created: boolean }> {
  const existing = await findShipmentByOrder(tx, req.order_id)
  if (existing) return { shipment_id: existing.shipment_id, created: false }
  const driverId = await pickDriver(tx, req.destination)
  const shipment = newShipment(req, driverId, now)
  for (let attempt = 0; attempt < TRACKING_ATTEMPTS; attempt++) {
    if (await insertShipment(tx, shipment)) {
      await recordCreation(tx, shipment, now)
      await publishShipmentCreated(publish, tx, shipment)
      return { shipment_id: shipment.shipment_id, created: true }
    }
    // A conflict: either another delivery of the same order won the race, or the number was taken.
    const raced = await findShipmentByOrder(tx, req.order_id)
    if (raced) return { shipment_id: raced.shipment_id, created: false }
    shipment.tracking_number = newTrackingNumber()
  }
  throw new Error(`no free tracking number after ${TRACKING_ATTEMPTS} attempts`)
}

const newTrackingNumber = () => generateTrackingNumber(() => randomInt(10))

function newShipment(req: ShipmentRequest, driverId: string | null, now: Date): NewShipment {
  return {
    shipment_id: randomUUID(),
    order_id: req.order_id,
    patient_id: req.patient_id,
    carrier: OWN_FLEET,
    tracking_number: newTrackingNumber(),
    driver_id: driverId,
    status: driverId ? 'assigned' : 'label_created',
    status_occurred_at: now,
    destination: req.destination ? { lat: req.destination.lat, lng: req.destination.lng } : null,
    postal_code: req.destination?.postal_code ?? null,
    estimated_delivery_at: estimateDeliveryAt(now, driverId !== null).toISOString(),
  }
}

/** The tracking history starts with the label, then the assignment when a driver took it. */
async function recordCreation(tx: Tx, s: NewShipment, now: Date) {
  const base = {
    shipment_id: s.shipment_id,
    location: null,
    occurred_at: now,
    proof: null,
    source: 'system' as const,
    actor_id: null,
    applied: true,
  }
  await insertShipmentEvent(tx, { ...base, status: 'label_created' })
  if (s.driver_id) await insertShipmentEvent(tx, { ...base, status: 'assigned', actor_id: s.driver_id })
}
