import { z } from 'zod'
import { ShipmentStatus } from '@apotheca/contracts'

/** Answers of delivery as they are on the wire (times as ISO strings, points as WGS 84 lat/lng). */

const Time = z.iso.datetime()
const Point = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })

/** The shipment's status after a report (unchanged when the report was late or repeated). */
export const StatusAnswer = z
  .strictObject({ shipment_id: z.uuid(), status: ShipmentStatus })
  .meta({ examples: [{ shipment_id: '5b3e9f2a-1c4d-4e6f-8a7b-9c0d1e2f3a4b', status: 'out_for_delivery' }] })

/** A shipment: its order and patient, carrier and tracking number, driver, status, and destination as a ZIP centroid. */
export const Shipment = z.strictObject({
  shipment_id: z.uuid(),
  order_id: z.uuid(),
  patient_id: z.uuid(),
  carrier: z.string().meta({ description: 'apotheca-fleet for our own drivers' }),
  tracking_number: z.string().meta({ description: "Our fleet's: APO + 11 digits + a Luhn check digit" }),
  driver_id: z.uuid().nullable(),
  status: ShipmentStatus,
  status_occurred_at: Time,
  destination: Point.nullable().meta({ description: "The centroid of the patient's ZIP code; null when unknown (routed by hand)" }),
  postal_code: z.string().nullable(),
  estimated_delivery_at: Time.nullable(),
  created_at: Time,
  updated_at: Time,
  version: z.int().min(1),
})

/** One status report of the tracking history, applied or kept for the record (a late one). */
export const TrackingEvent = z.strictObject({
  status: ShipmentStatus,
  location: Point.nullable(),
  occurred_at: Time,
  recorded_at: Time,
  proof: z
    .strictObject({
      recipient_name: z.string().optional(),
      signature_svg: z.string().optional(),
      photo_sha256: z.string().optional(),
      note: z.string().optional(),
    })
    .nullable(),
  source: z.enum(['system', 'driver', 'carrier', 'staff']),
  applied: z.boolean().meta({ description: 'false: older than the status in force, kept without moving it back' }),
})

const SHIPMENT_EXAMPLE = {
  shipment_id: '5b3e9f2a-1c4d-4e6f-8a7b-9c0d1e2f3a4b',
  order_id: '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7',
  patient_id: '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f',
  carrier: 'apotheca-fleet',
  tracking_number: 'APO123456789015',
  driver_id: '0b8e5d2a-3c4f-4a1b-9e8d-7c6b5a4f3e2d',
  status: 'assigned',
  status_occurred_at: '2026-03-15T10:00:00.000Z',
  destination: { lat: 40.7506, lng: -73.9972 },
  postal_code: '10001',
  estimated_delivery_at: '2026-03-15T14:00:00.000Z',
  created_at: '2026-03-15T10:00:00.000Z',
  updated_at: '2026-03-15T10:00:00.000Z',
  version: 1,
}

/** GET /deliveries/{shipmentId}: the shipment and its tracking history in the order things happened. */
export const TrackingAnswer = Shipment.extend({ events: z.array(TrackingEvent) }).meta({
  examples: [
    {
      ...SHIPMENT_EXAMPLE,
      events: [
        {
          status: 'label_created',
          location: null,
          occurred_at: '2026-03-15T10:00:00.000Z',
          recorded_at: '2026-03-15T10:00:00.012Z',
          proof: null,
          source: 'system',
          applied: true,
        },
        {
          status: 'assigned',
          location: null,
          occurred_at: '2026-03-15T10:00:00.000Z',
          recorded_at: '2026-03-15T10:00:00.013Z',
          proof: null,
          source: 'system',
          applied: true,
        },
      ],
    },
  ],
})

/** GET /drivers/me/shipments: the driver's open shipments, oldest first. */
export const DriverShipmentsAnswer = z
  .strictObject({ shipments: z.array(Shipment) })
  .meta({ examples: [{ shipments: [SHIPMENT_EXAMPLE] }] })

/** PUT /drivers/me/availability: the driver as stored now. */
export const DriverAnswer = z
  .strictObject({ driver_id: z.uuid(), status: z.enum(['available', 'off_duty']), location: Point.nullable() })
  .meta({
    examples: [{ driver_id: '0b8e5d2a-3c4f-4a1b-9e8d-7c6b5a4f3e2d', status: 'available', location: { lat: 40.7505, lng: -73.9934 } }],
  })
