import { z } from 'zod'
import { ServiceCallError, fetchOrNull, type ServiceCaller } from './caller.ts'

/** A patient's contact and address as identity shares them with other services (internal only). */
export const InternalPatient = z.object({
  patient_id: z.uuid(),
  status: z.enum(['active', 'erased']),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z
    .object({
      line1: z.string(),
      line2: z.string().nullish(),
      city: z.string(),
      state: z.string(),
      postal_code: z.string(),
      country: z.string(),
    })
    .nullable(),
  consent: z.object({ email: z.boolean(), sms: z.boolean() }),
})
export type InternalPatient = z.infer<typeof InternalPatient>

/** A prescriber's identifiers as identity keeps them (internal only): what validation of a prescription checks. */
export const InternalPractitioner = z.object({
  practitioner_id: z.uuid(),
  npi: z.string(),
  dea_number: z.string().nullable(),
  licence_state: z.string().nullable(),
  /** DEA schedules the registration covers ("CII"…"CV"); absent means not recorded. */
  dea_schedules: z.array(z.string()).optional(),
  status: z.string().optional(),
})
export type InternalPractitioner = z.infer<typeof InternalPractitioner>

/** Where a live password-reset e-mail goes (internal only; answered only while the reset is unused and unexpired). */
export const PasswordResetRecipient = z.object({ reset_id: z.uuid(), account_id: z.uuid(), email: z.string() })
export type PasswordResetRecipient = z.infer<typeof PasswordResetRecipient>

/** Typed client for identity's internal routes. */
export function identityClient(caller: ServiceCaller) {
  return {
    getPatient: (patientId: string) =>
      fetchOrNull(caller, 'identity', `/internal/patients/${encodeURIComponent(patientId)}`, InternalPatient),
    /** The address of a password reset still live (GET /internal/password-resets/{id}/recipient); used, expired, replaced or unknown → null. */
    passwordResetRecipient: (resetId: string) =>
      fetchOrNull(caller, 'identity', `/internal/password-resets/${encodeURIComponent(resetId)}/recipient`, PasswordResetRecipient),
    /** A practitioner by account id (GET /internal/practitioners/{id}); unknown → null. */
    async getPractitioner(practitionerId: string): Promise<InternalPractitioner | null> {
      const r = await caller.call('identity', { method: 'GET', path: `/internal/practitioners/${encodeURIComponent(practitionerId)}` })
      // A process whose identity does not serve the route answers "No such route": that is "cannot tell", not "unknown".
      if (r.status === 404 && (r.json as { title?: unknown } | null)?.title !== 'No such route') return null
      if (r.status >= 300) throw new ServiceCallError('identity', r.status, r.json)
      return InternalPractitioner.parse(r.json)
    },
  }
}
