import { z } from 'zod'

/** Status vocabularies clients switch on (../shared/API.md); add values only with care. */
export const PrescriptionStatus = z.enum([
  'received',
  'validating',
  'in_review',
  'verified',
  'rejected',
  'cancelled',
  'expired',
  'inactive',
])
export const OrderStatus = z.enum([
  'pending',
  'awaiting_verification',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
])
export const PaymentStatus = z.enum(['pending', 'authorized', 'captured', 'failed', 'voided', 'refunded'])
export const ShipmentStatus = z.enum([
  'label_created',
  'assigned',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failed_attempt',
  'returned',
])
export const BatchStatus = z.enum(['available', 'quarantined', 'expired', 'recalled'])
export const AdjustmentReason = z.enum([
  'received',
  'dispensed',
  'damaged',
  'expired',
  'returned',
  'cycle_count',
  'quarantine',
  'release',
  'recall',
])
export const Role = z.enum(['patient', 'practitioner', 'pharmacist', 'technician', 'driver', 'admin', 'auditor'])
export const DeaSchedule = z.enum(['CI', 'CII', 'CIII', 'CIV', 'CV'])

export type PrescriptionStatus = z.infer<typeof PrescriptionStatus>
export type OrderStatus = z.infer<typeof OrderStatus>
export type PaymentStatus = z.infer<typeof PaymentStatus>
export type ShipmentStatus = z.infer<typeof ShipmentStatus>
export type BatchStatus = z.infer<typeof BatchStatus>
export type AdjustmentReason = z.infer<typeof AdjustmentReason>
export type Role = z.infer<typeof Role>

/** Money is integer minor units with an ISO 4217 currency. */
export const Money = z.object({ amount: z.number().int(), currency: z.string().length(3) })
export const Uuid = z.uuid()
export const IsoDate = z.iso.date()
export const IsoDateTime = z.iso.datetime({ offset: true })
export const GeoPoint = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
