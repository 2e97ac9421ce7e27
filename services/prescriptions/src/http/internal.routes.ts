import { route } from '@apotheca/kernel'
import { recordPatientAccess } from '../application/record-patient-access.ts'
import { assertPatientAccess } from '../application/patient-access.ts'
import type { PrescriptionsDeps } from '../application/deps.ts'
import { readInternalPrescription } from '../application/read-internal-prescription.ts'
import { publicKeys } from '../db/signing-key.repository.ts'
import { FillBody, OnBehalfOf, PatientParams, PrescriptionParams } from './prescriptions.schemas.ts'
import { recordFill } from '../application/record-fill.ts'
import { readPatientMedications } from '../application/read-patient-medications.ts'
import { FillAnswer, InternalPrescriptionAnswer, MedicationsAnswer, SigningKeysAnswer } from './responses.ts'

/** Routes for other services (internal token) and for anyone checking a prescription's signature. */
export function internalRoutes(deps: PrescriptionsDeps) {
  return [
    route({
      method: 'GET',
      url: '/internal/prescriptions/:prescriptionId',
      summary: 'A prescription as orders sells against it, with its signature and whether it still verifies (service-to-service)',
      auth: { internal: true },
      schema: { params: PrescriptionParams },
      responses: { 200: InternalPrescriptionAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params }) => readInternalPrescription(deps, params.prescriptionId),
    }),
    route({
      method: 'POST',
      url: '/internal/prescriptions/:prescriptionId/fills',
      summary:
        'Records a fill of a verified prescription for an order (once per order): signature re-checked, refills counted, too-early refills and expiry refused (service-to-service)',
      auth: { internal: true },
      schema: { params: PrescriptionParams, body: FillBody },
      responses: {
        200: { schema: FillAnswer, description: 'This order filled it before (duplicate): that fill' },
        201: { schema: FillAnswer, description: 'Filled: the original fill or a refill' },
      },
      problems: {
        404: ['not-found'],
        409: ['not-dispensable', 'prescription-expired', 'no-refills-left', 'refill-too-early'],
        422: ['quantity-above-prescribed'],
      },
      handler: async ({ params, body }, reply) => {
        const answer = await recordFill(deps, params.prescriptionId, body)
        return reply.status(answer.status).send(answer.body)
      },
    }),
    route({
      method: 'GET',
      url: '/internal/patients/:patientId/medications',
      summary:
        "A patient's medicines for drug utilisation review: prescriptions in force and medication history, and who prescribed for them (service-to-service; with actor_id and actor_role, the person asked for must be allowed to see the patient, and the read is audited)",
      auth: { internal: true },
      description: 'actor_id and actor_role go together (one without the other is a 400).',
      schema: { params: PatientParams, querystring: OnBehalfOf },
      responses: { 200: MedicationsAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ principal, params, query }) => {
        const reader = query.actor_id && query.actor_role ? { sub: query.actor_id, role: query.actor_role } : null
        if (reader) await assertPatientAccess(deps.db, reader, params.patientId)
        const answer = await readPatientMedications(deps.db, params.patientId)
        if (reader) await recordPatientAccess(deps, reader, params.patientId, 'medications', principal?.sub ?? null)
        return answer
      },
    }),
    route({
      method: 'GET',
      url: '/prescriptions/signing-keys',
      summary: 'The Ed25519 public keys verified prescriptions are signed with',
      auth: { public: true, why: "public keys let any party check a verified prescription's signature" },
      responses: { 200: SigningKeysAnswer },
      handler: async () => ({ keys: await publicKeys(deps.db) }),
    }),
  ]
}
