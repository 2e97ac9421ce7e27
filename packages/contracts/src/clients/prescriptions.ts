import { z } from 'zod'
import { PrescriptionStatus } from '../vocab.ts'
import { fetchOrNull, type ServiceCaller } from './caller.ts'

/** What other services may know of a prescription to sell against it (internal only). */
export const InternalPrescription = z.object({
  prescription_id: z.uuid(),
  patient_id: z.uuid(),
  drug_id: z.uuid().nullable(),
  status: PrescriptionStatus,
  quantity: z.number().int(),
  refills_remaining: z.number().int(),
  expiry_date: z.string().nullable(),
  dea_schedule: z.string().nullable(),
  /** Ed25519 signature of the verification (null until verified), and whether it still matches the stored fields. */
  signature: z.string().nullable().optional(),
  signing_key_id: z.string().nullable().optional(),
  signature_valid: z.boolean().optional(),
  verified_at: z.string().nullable().optional(),
})
export type InternalPrescription = z.infer<typeof InternalPrescription>

/** Typed client for prescriptions' internal routes. */
export function prescriptionsClient(caller: ServiceCaller) {
  return {
    getPrescription: (id: string) =>
      fetchOrNull(caller, 'prescriptions', `/internal/prescriptions/${encodeURIComponent(id)}`, InternalPrescription),
  }
}
