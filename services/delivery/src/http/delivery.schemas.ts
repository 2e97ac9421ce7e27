import { z } from 'zod'
import { GeoPoint, IsoDateTime, ShipmentStatus } from '@apotheca/contracts'

/** Path of the shipment routes. */
export const ShipmentParams = z.object({ shipmentId: z.uuid() })

/** Proof of delivery: the recipient's name and references to a signature or photo; no other patient data. */
export const ProofBody = z.object({
  recipient_name: z.string().trim().min(1).max(200).optional(),
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
export const StatusReportBody = z.object({
  status: ShipmentStatus,
  location: GeoPoint,
  occurred_at: IsoDateTime,
  proof: ProofBody.optional(),
  message_id: z.string().min(1).max(200).optional(),
  tracking_number: z.string().min(1).max(64).optional(),
})

/** A driver going on or off duty, optionally with where they are. */
export const AvailabilityBody = z.object({
  status: z.enum(['available', 'off_duty']),
  location: GeoPoint.optional(),
})
