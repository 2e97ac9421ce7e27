import { z } from 'zod'
import { PrescriptionStatus, type Role } from '../vocab.ts'
import { ServiceCallError, fetchOrNull, type ProblemDocument, type ServiceCaller } from './caller.ts'

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
  /** True only when the prescription may be sold against now: verified, its signature still valid, not past its expiry. */
  dispensable: z.boolean().optional(),
})
export type InternalPrescription = z.infer<typeof InternalPrescription>

/** A recorded fill of a prescription (POST /internal/prescriptions/{id}/fills). */
export const Fill = z.object({
  prescription_id: z.uuid(),
  order_id: z.uuid(),
  fill_number: z.number().int(),
  quantity: z.number().int(),
  refills_remaining: z.number().int(),
  renewal_requested: z.boolean(),
})
export type Fill = z.infer<typeof Fill>

/**
 * A patient's medicines as drug utilisation review sees them (GET /internal/patients/{patientId}/medications):
 * the drugs of prescriptions still in force (received … verified, not expired) and of medication history
 * (`inactive`), and every practitioner who ever prescribed for the patient (for access decisions).
 */
export const PatientMedications = z.object({
  patient_id: z.uuid(),
  medications: z.array(
    z.object({
      prescription_id: z.uuid(),
      drug_id: z.uuid(),
      status: PrescriptionStatus,
      /** true for prescriptions in force, false for medication history. */
      active: z.boolean(),
    }),
  ),
  prescriber_ids: z.array(z.uuid()),
})
export type PatientMedications = z.infer<typeof PatientMedications>

/** Typed client for prescriptions' internal routes. */
export function prescriptionsClient(caller: ServiceCaller) {
  return {
    getPrescription: (id: string) =>
      fetchOrNull(caller, 'prescriptions', `/internal/prescriptions/${encodeURIComponent(id)}`, InternalPrescription),
    /**
     * The patient's medicines (an unknown patient answers empty lists, not 404). With `onBehalfOf`, the
     * person the caller asks for: prescriptions applies its access rule to them (404 when they may not
     * see this patient) and records the read for the audit log.
     */
    async patientMedications(patientId: string, onBehalfOf?: { actor_id: string; role: Role }): Promise<PatientMedications> {
      const who = onBehalfOf ? `?actor_id=${encodeURIComponent(onBehalfOf.actor_id)}&actor_role=${onBehalfOf.role}` : ''
      const r = await caller.call('prescriptions', {
        method: 'GET',
        path: `/internal/patients/${encodeURIComponent(patientId)}/medications${who}`,
      })
      if (r.status >= 300) throw new ServiceCallError('prescriptions', r.status, r.json)
      return PatientMedications.parse(r.json)
    },
    /**
     * Records a fill (dispensing) of a verified prescription for an order, once per order: the original
     * fill, then refills. A refused fill (409: not dispensable, expired, no refills left, too early) → { ok: false }.
     */
    async recordFill(
      id: string,
      fill: { order_id: string; quantity: number },
    ): Promise<{ ok: true; fill: Fill } | { ok: false; status: number; problem: ProblemDocument | undefined }> {
      const r = await caller.call('prescriptions', {
        method: 'POST',
        path: `/internal/prescriptions/${encodeURIComponent(id)}/fills`,
        body: fill,
      })
      if (r.status === 200 || r.status === 201) return { ok: true, fill: Fill.parse(r.json) }
      if (r.status === 409 || r.status === 404 || r.status === 422)
        return { ok: false, status: r.status, problem: r.json as ProblemDocument | undefined }
      throw new ServiceCallError('prescriptions', r.status, r.json)
    },
  }
}
