import { z } from 'zod'
import { fetchOrNull, type ServiceCaller } from './caller.ts'

/** A patient's contact and address as identity shares them with other services (internal only). */
export const InternalPatient = z.object({
  patient_id: z.uuid(),
  status: z.enum(['active', 'erased']),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.object({
    line1: z.string(), line2: z.string().nullish(), city: z.string(), state: z.string(), postal_code: z.string(), country: z.string(),
  }).nullable(),
  consent: z.object({ email: z.boolean(), sms: z.boolean() }),
})
export type InternalPatient = z.infer<typeof InternalPatient>

/** Typed client for identity's internal routes. */
export function identityClient(caller: ServiceCaller) {
  return {
    getPatient: (patientId: string) =>
      fetchOrNull(caller, 'identity', `/internal/patients/${encodeURIComponent(patientId)}`, InternalPatient),
  }
}
