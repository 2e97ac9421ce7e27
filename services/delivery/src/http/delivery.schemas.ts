import { z } from 'zod'
import { ShipmentStatus } from '@apotheca/contracts'
import { REPORT_TIME, trimmedText } from './patterns.ts'

/**
 * Request schemas of the delivery routes: every rule the server applies is one the document states
 * (patterns.ts). Bodies are strict: a field the schema does not name is a 400, so no part of a body is
 * outside the schema (the kernel refuses NUL in every string of it, unknown fields included).
 */

const SHIPMENT_ID = '5b3e9f2a-1c4d-4e6f-8a7b-9c0d1e2f3a4b'

/** Path of the shipment routes. */
export const ShipmentParams = z.object({ shipmentId: z.uuid().meta({ examples: [SHIPMENT_ID] }) })

const Latitude = z.number().min(-90).max(90)
const Longitude = z.number().min(-180).max(180)
/** A WGS 84 point. */
export const Location = z.strictObject({ lat: Latitude, lng: Longitude })

/** Proof of delivery: the recipient's name and references to a signature or photo; no other patient data. */
export const ProofBody = z.strictObject({
  recipient_name: z
    .string()
    .regex(new RegExp(trimmedText(200), 'u'), 'must be 1 to 200 characters, not blank')
    .trim()
    .optional()
    .meta({ description: 'Who took the parcel (required with status delivered)' }),
  signature_svg: z
    .string()
    .max(64 * 1024)
    .optional(),
  photo_sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256')
    .optional(),
  note: z.string().max(1000).optional(),
})

/** A status report from a driver (bearer token) or a carrier (signed, with message_id and tracking_number). */
export const StatusReportBody = z
  .strictObject({
    status: ShipmentStatus,
    location: Location,
    occurred_at: z.string().regex(new RegExp(REPORT_TIME, 'u'), 'must be an RFC 3339 time from 2000 to 2099 with its offset').meta({
      format: 'date-time',
      description: 'When it happened (at most 10 minutes ahead of the server clock, else 422 occurred-at-ahead)',
    }),
    proof: ProofBody.optional(),
    message_id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "The carrier's message id: required on signed carrier calls (each is processed once), ignored otherwise" }),
    tracking_number: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "The carrier's tracking number; one that is not the shipment's is a 404" }),
  })
  .meta({
    examples: [
      { status: 'out_for_delivery', location: { lat: 40.7505, lng: -73.9934 }, occurred_at: '2026-03-15T14:05:00Z' },
      {
        status: 'delivered',
        location: { lat: 40.7484, lng: -73.9857 },
        occurred_at: '2026-03-15T14:40:00Z',
        proof: { recipient_name: 'Ada Lovelace' },
      },
    ],
  })

/** A driver going on or off duty, optionally with where they are. */
export const AvailabilityBody = z
  .strictObject({
    status: z.enum(['available', 'off_duty']),
    location: Location.optional(),
  })
  .meta({ examples: [{ status: 'available', location: { lat: 40.7505, lng: -73.9934 } }] })
