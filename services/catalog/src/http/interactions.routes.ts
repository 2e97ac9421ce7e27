import { route } from '@apotheca/kernel'
import type { CatalogDeps } from '../application/deps.ts'
import { checkInteractions } from '../application/check-interactions.ts'
import { checkPatientInteractions } from '../application/check-patient-interactions.ts'
import { loadClassRules } from '../application/class-rules.ts'
import { InteractionCheck, PatientInteractionCheck } from './catalog.schemas.ts'
import { InteractionsAnswer, PatientInteractionsAnswer } from './responses.ts'

/** Every signed-in role that handles medicines (drivers and auditors do not). */
const SIGNED_IN = { roles: ['patient' as const, 'practitioner' as const, 'pharmacist' as const, 'technician' as const, 'admin' as const] }

/** Drug–drug interaction checks. */
export function interactionRoutes(deps: Pick<CatalogDeps, 'db' | 'services' | 'log'>) {
  const classRules = loadClassRules()
  return [
    route({
      method: 'POST',
      url: '/interactions/check',
      summary:
        'Checks 2–50 drugs pairwise for interactions by active ingredient and by ONC drug class (ATC); each pair once, highest ' +
        "severity. With patient_id, drug_ids are 1–50 candidates checked against each other and against the patient's active " +
        'medicines (from prescriptions; history left out); such a pair names the candidate first and the medicine second, with ' +
        'existing_drug_id and existing_prescription_ids. A patient may ask only for themself, a practitioner only for a patient ' +
        'they prescribed for (else 404); prescriptions unavailable → 503',
      auth: SIGNED_IN,
      schema: { body: PatientInteractionCheck },
      responses: {
        200: {
          schema: InteractionsAnswer.or(PatientInteractionsAnswer),
          description: 'The pairs found: `{interactions}`, or with patient_id `{patient_id, interactions}`',
        },
      },
      problems: { 404: ['drugs-not-found', 'not-found'], 503: ['dependency-unavailable'] },
      handler: async ({ body, principal }) =>
        body.patient_id
          ? checkPatientInteractions(deps, principal!, body.patient_id, body.drug_ids, classRules)
          : checkInteractions(deps.db, body.drug_ids, classRules),
    }),
    route({
      method: 'POST',
      url: '/internal/interactions/check',
      summary: 'The same check for other services (prescriptions drug utilisation review), with a service token',
      auth: { internal: true },
      schema: { body: InteractionCheck },
      responses: { 200: InteractionsAnswer },
      problems: { 404: ['drugs-not-found'] },
      handler: async ({ body }) => checkInteractions(deps.db, body.drug_ids, classRules),
    }),
  ]
}
