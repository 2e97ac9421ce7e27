import { route } from '@apotheca/kernel'
import { recordPatientAccess } from '../application/record-patient-access.ts'
import type { PrescriptionsDeps } from '../application/deps.ts'
import { recordAllergy } from '../application/record-allergies.ts'
import { listAllergies } from '../application/list-allergies.ts'
import { idempotencyKey } from './prescriptions.routes.ts'
import { AllergyBody, IdempotencyHeaders, PatientParams } from './prescriptions.schemas.ts'
import { AllergiesAnswer, AllergyAnswer } from './responses.ts'

/** A patient's allergies, which drug utilisation review checks every new prescription against. */
export function allergyRoutes(deps: PrescriptionsDeps) {
  return [
    route({
      method: 'POST',
      url: '/patients/:patientId/allergies',
      summary:
        'Records an allergy of a patient (the patient themself, a practitioner who prescribed for them, a pharmacist); reviews check new prescriptions against it',
      auth: { roles: ['patient', 'practitioner', 'pharmacist'] },
      schema: { params: PatientParams, body: AllergyBody, headers: IdempotencyHeaders },
      responses: { 201: { schema: AllergyAnswer, description: 'Recorded; reviews of new prescriptions check it' } },
      problems: { 404: ['not-found'], 409: ['request-in-progress'], 422: ['idempotency-key-reused'] },
      handler: async ({ principal, params, body, headers }, reply) => {
        const answer = await recordAllergy(deps, principal!, params.patientId, body, idempotencyKey(headers))
        return reply.status(answer.status).send(answer.body)
      },
    }),
    route({
      method: 'GET',
      url: '/patients/:patientId/allergies',
      summary:
        "A patient's allergies, from FHIR AllergyIntolerance or entered by hand (patients: their own; practitioners: patients they prescribed for)",
      auth: { roles: ['patient', 'practitioner', 'pharmacist', 'technician', 'admin'] },
      schema: { params: PatientParams },
      responses: { 200: AllergiesAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ principal, params }) => {
        const answer = await listAllergies(deps.db, principal!, params.patientId)
        await recordPatientAccess(deps, principal!, params.patientId, 'allergies')
        return answer
      },
    }),
  ]
}
