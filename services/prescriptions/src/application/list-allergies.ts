import type { Sql, Principal } from '@apotheca/kernel'
import { allergiesOf, type AllergyRow } from '../db/allergy.repository.ts'
import { assertPatientAccess } from './patient-access.ts'

/** A patient's allergies, every status, oldest first. */
export async function listAllergies(db: Sql, principal: Principal, patientId: string) {
  await assertPatientAccess(db, principal, patientId)
  return { patient_id: patientId, allergies: (await allergiesOf(db, patientId)).map(allergyView) }
}

/** An allergy as the API shows it: the substance as recorded and what DUR matches it by. */
export function allergyView(a: AllergyRow) {
  return {
    allergy_id: a.allergy_id,
    patient_id: a.patient_id,
    substance: a.substance_display,
    code: a.substance_code,
    system: a.substance_system,
    categories: a.categories,
    matches: { ingredients: a.ingredients, atc_prefixes: a.atc_prefixes },
    criticality: a.criticality,
    status: a.status,
    source: a.source,
    recorded_by: a.recorded_by,
    recorded_at: a.recorded_at,
  }
}
