import { Problem, conflict, notFound, type Principal } from '@apotheca/kernel'
import { nextStatus } from '../domain/prescription-status.ts'
import { checkRules, utcToday } from '../domain/prescription-rules.ts'
import { findPrescription, lockPrescription, updateTranscription } from '../db/prescription.repository.ts'
import { publishReviewRequested } from '../events/prescription-events.ts'
import { lookupDrugById } from './resolve-drug.ts'
import { move } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** What a pharmacist reads off an uploaded prescription. */
export interface TranscribeInput {
  drug_id: string
  dosage: string
  quantity: number
  refill_count: number
  issue_date: string
  expiry_date?: string | undefined
  days_supply?: number | undefined
  prescriber_id?: string | undefined
}

/**
 * A pharmacist transcribes a prescription in review (an upload, or an e-prescription to correct):
 * the fields are written and it goes back to `received`, so validation and DUR run again on them.
 */
export async function transcribePrescription(deps: PrescriptionsDeps, principal: Principal, id: string, t: TranscribeInput) {
  const seen = await findPrescription(deps.db, id)
  if (!seen) throw notFound('Prescription')
  if (!nextStatus(seen.status, 'transcribe'))
    throw conflict('illegal-transition', `A prescription that is ${seen.status} cannot be transcribed`, undefined, {
      prescription_status: seen.status,
    })
  const drug = await lookupDrugById(deps.services, deps.log, t.drug_id)
  if (drug.kind === 'unavailable')
    throw conflict('drug-unconfirmed', 'The drug could not be confirmed with the catalog', 'the catalog did not answer; try again shortly')
  if (drug.kind !== 'found')
    throw new Problem(422, 'unknown-drug', 'Unknown drug', `drug_id ${t.drug_id} is not in the catalog`, {
      errors: [{ field: 'body.drug_id', message: 'not in the catalog' }],
    })
  const rules = checkRules(
    { issue_date: t.issue_date, expiry_date: t.expiry_date ?? null, quantity: t.quantity, refill_count: t.refill_count },
    drug.dea_schedule,
    utcToday(),
  )
  if (rules.violations.length) {
    const errors = rules.violations.map((v) => ({ field: `body.${v.field}`, message: v.message }))
    throw new Problem(
      422,
      'invalid-prescription',
      'The prescription breaks a dispensing rule',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
    )
  }
  return deps.db.transaction(async (tx) => {
    const p = await lockPrescription(tx, id)
    if (!p || p.version !== seen.version)
      throw conflict('concurrent-change', 'The prescription changed meanwhile', 'load it again and transcribe')
    await updateTranscription(tx, id, {
      drug_id: drug.drug_id,
      dea_schedule: drug.dea_schedule,
      drug_confirmed: true,
      dosage: t.dosage,
      quantity: t.quantity,
      refill_count: t.refill_count,
      issue_date: t.issue_date,
      expiry_date: rules.expiry_date,
      days_supply: t.days_supply ?? null,
      prescriber_id: t.prescriber_id ?? null,
    })
    const next = await move(
      deps.publish,
      tx,
      p,
      'transcribe',
      `transcribed by a pharmacist (${principal.sub.slice(0, 60)}); reviewed again`,
      principal.sub,
    )
    await publishReviewRequested(deps.publish, tx, next)
    return { prescription_id: next.prescription_id, status: next.status }
  })
}
