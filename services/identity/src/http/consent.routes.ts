import { notFound, route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { changeConsent, readConsent } from '../application/consent.ts'
import { assertSelfOrAdmin } from './access.ts'
import { ConsentPatch, PatientParams } from './schemas.ts'
import { ConsentAnswer } from './responses.ts'

/** A patient's consent preferences (SMS, e-mail, marketing, data sharing) and their history. */
export function consentRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'GET',
      url: '/patients/:patientId/consent',
      summary: "The patient's consent preferences and every change to them (the patient, or admin with MFA)",
      auth: { roles: ['patient', 'admin'] },
      schema: { params: PatientParams },
      responses: { 200: ConsentAnswer },
      problems: { 403: ['mfa-required'], 404: ['not-found'] },
      handler: async ({ params, principal }, reply) => {
        assertSelfOrAdmin(principal, params.patientId)
        void reply.header('cache-control', 'no-store')
        return readConsent(deps, params.patientId)
      },
    }),
    route({
      method: 'PUT',
      url: '/patients/:patientId/consent',
      summary: 'Gives or withdraws consents (only those named change); each change is kept in the history and audited',
      // Consent is the patient's own to give: staff may read it, never give it on their behalf.
      auth: { roles: ['patient'] },
      schema: { params: PatientParams, body: ConsentPatch },
      responses: { 200: ConsentAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params, principal, body }) => {
        if (principal!.sub !== params.patientId) throw notFound('Patient')
        return changeConsent(deps, params.patientId, body, principal!.sub)
      },
    }),
  ]
}
