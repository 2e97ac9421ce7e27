import { idempotent, notFound, route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { registerPatient } from '../application/register-patient.ts'
import { exportPatient } from '../application/export-patient.ts'
import { erasePatient } from '../application/erase-patient.ts'
import { getInternalPatient } from '../application/get-internal-patient.ts'
import { assertSelfOrAdmin } from './access.ts'
import { IdempotencyHeaders, PatientParams, RegisterBody } from './schemas.ts'
import { Erased, InternalPatient, PatientExport, PatientFhirBundle, Registered } from './responses.ts'

const SELF_OR_ADMIN = { roles: ['patient' as const, 'admin' as const] }

/** The operations that read what a new patient id names, for a client (or a stateful fuzzer) to follow from registration. */
const byPatientId = (operationId: string, description: string) => ({
  operationId,
  parameters: { patientId: '$response.body#/patient_id' },
  description,
})

/** The idempotency answer header of a retried write. */
const REPLAYED = {
  'idempotent-replayed': { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key' },
}

/** Patients: registration, their data export and erasure, and the internal read for other services. */
export function patientRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'POST',
      url: '/patients/register',
      summary: 'Registers a patient (201 {patient_id}); a taken e-mail is a 409',
      auth: { public: true, why: 'a new patient has no account yet' },
      schema: { body: RegisterBody, headers: IdempotencyHeaders },
      responses: {
        201: {
          schema: Registered,
          description: 'Registered; the patient signs in with the e-mail and password',
          headers: REPLAYED,
          links: {
            Prescriptions: byPatientId('getPatientsByPatientIdPrescriptions', "The patient's prescriptions"),
            Allergies: byPatientId('getPatientsByPatientIdAllergies', "The patient's recorded allergies"),
            Consent: byPatientId('getPatientsByPatientIdConsent', "The patient's consent preferences"),
            Export: byPatientId('getPatientsByPatientIdExport', "The patient's data (GDPR export)"),
          },
        },
      },
      problems: { 409: ['email-taken', 'request-in-progress'], 422: ['idempotency-key-reused'] },
      handler: async ({ body, headers }, reply) => {
        // The idempotency record keeps a keyed fingerprint of the body, never the PHI and password in it.
        const key = headers['idempotency-key'] as string | undefined
        const answer = await idempotent(
          deps.db,
          'identity',
          'patients.register',
          key,
          { body: deps.vault.fingerprint(body) },
          async () => ({ status: 201, body: await registerPatient(deps, body) }),
        )
        if (answer.replayed) void reply.header('idempotent-replayed', 'true')
        return reply.status(answer.status).send(answer.body)
      },
    }),
    route({
      method: 'GET',
      url: '/patients/:patientId/export',
      summary: "The patient's data (GDPR export): JSON, or a FHIR R4 Bundle with Accept: application/fhir+json",
      auth: SELF_OR_ADMIN,
      schema: { params: PatientParams },
      responses: { 200: { content: { 'application/json': PatientExport, 'application/fhir+json': PatientFhirBundle } } },
      problems: { 403: ['mfa-required'], 404: ['not-found'] },
      handler: async ({ params, principal, headers }, reply) => {
        const actor = assertSelfOrAdmin(principal, params.patientId)
        const fhir = String(headers.accept ?? '').includes('application/fhir+json')
        const data = await exportPatient(deps, params.patientId, actor.sub, fhir ? 'fhir' : 'json')
        void reply.header('cache-control', 'no-store')
        if (fhir) void reply.type('application/fhir+json')
        return data
      },
    }),
    route({
      method: 'DELETE',
      url: '/patients/:patientId',
      summary: "Erases the patient (crypto-shredding of their data key) → 202 {status: 'erased'}",
      auth: SELF_OR_ADMIN,
      schema: { params: PatientParams },
      responses: { 202: Erased },
      problems: { 403: ['mfa-required'], 404: ['not-found'] },
      handler: async ({ params, principal }, reply) => {
        assertSelfOrAdmin(principal, params.patientId)
        if (!(await erasePatient(deps, params.patientId))) throw notFound('Patient')
        return reply.status(202).send({ patient_id: params.patientId, status: 'erased' })
      },
    }),
    route({
      method: 'GET',
      url: '/internal/patients/:patientId',
      summary: "A patient's contact, address and consent, for other services of the platform",
      auth: { internal: true },
      schema: { params: PatientParams },
      responses: { 200: InternalPatient },
      problems: { 404: ['not-found'] },
      handler: async ({ params, principal }) => getInternalPatient(deps, params.patientId, principal?.sub ?? 'service:unknown'),
    }),
  ]
}
