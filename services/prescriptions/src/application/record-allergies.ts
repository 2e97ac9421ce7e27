import { randomUUID } from 'node:crypto'
import { idempotent, type Answer, type Principal } from '@apotheca/kernel'
import { manualAllergy, type AllergyDraft, type AllergyInput } from '../domain/allergy.ts'
import { upsertAllergy, type AllergyRow } from '../db/allergy.repository.ts'
import { assertPatientAccess } from './patient-access.ts'
import { allergyView } from './list-allergies.ts'
import type { PrescriptionsDeps } from './deps.ts'

/**
 * Records allergies in one transaction (a FHIR submission's AllergyIntolerances), before the
 * prescriptions that come with them are reviewed; each is announced for the audit log.
 */
export async function recordAllergies(deps: Pick<PrescriptionsDeps, 'db' | 'publish'>, drafts: AllergyDraft[]): Promise<AllergyRow[]> {
  if (drafts.length === 0) return []
  return deps.db.transaction(async (tx) => {
    const out: AllergyRow[] = []
    for (const d of drafts) {
      const row = await upsertAllergy(tx, randomUUID(), d)
      await deps.publish(tx, 'prescriptions.allergy.recorded.v1', row.allergy_id, {
        allergy_id: row.allergy_id,
        patient_id: row.patient_id,
        status: row.status,
        source: row.source,
        recorded_by: row.recorded_by,
      })
      out.push(row)
    }
    return out
  })
}

/** A patient, their prescriber or a pharmacist records an allergy by hand (retries with the same Idempotency-Key answer the first). */
export async function recordAllergy(
  deps: PrescriptionsDeps,
  principal: Principal,
  patientId: string,
  input: AllergyInput,
  idempotencyKey: string | undefined,
): Promise<Answer> {
  await assertPatientAccess(deps.db, principal, patientId)
  return idempotent(deps.db, 'prescriptions', `allergy:${principal.sub}`, idempotencyKey, { patientId, ...input }, async () => {
    const [row] = await recordAllergies(deps, [manualAllergy(patientId, input, principal.sub)])
    return { status: 201, body: allergyView(row!) }
  })
}
