import { Problem, forbidden, idempotent, type Answer, type Principal } from '@apotheca/kernel'
import { draftFromSubmission } from '../domain/intake.ts'
import { utcToday } from '../domain/prescription-rules.ts'
import { lookupDrugById } from './resolve-drug.ts'
import { recordDrafts } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** A structured submission as the route validated it. */
export interface SubmitInput {
  patient_id: string
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
 * Takes a structured prescription: a practitioner prescribes, staff transcribe, a patient uploads
 * their own. The drug is looked up first (unknown → 422; catalog unreachable → queued unconfirmed),
 * the rules are checked (422, nothing stored), then it is recorded as in_review. Retries with the
 * same Idempotency-Key answer the first result.
 */
export async function submitPrescription(
  deps: PrescriptionsDeps,
  principal: Principal,
  input: SubmitInput,
  idempotencyKey: string | undefined,
): Promise<Answer> {
  if (principal.role === 'patient' && input.patient_id !== principal.sub)
    throw forbidden('A patient may upload only their own prescriptions')
  if (principal.role !== 'pharmacist' && principal.role !== 'admin' && input.prescriber_id)
    throw forbidden('Only pharmacy staff may name another prescriber')
  return idempotent(deps.db, 'prescriptions', `submit:${principal.sub}`, idempotencyKey, input, async () => {
    const drug = await lookupDrugById(deps.services, deps.log, input.drug_id)
    if (drug.kind !== 'found' && drug.kind !== 'unavailable') {
      throw new Problem(422, 'unknown-drug', 'Unknown drug', `drug_id ${input.drug_id} is not in the catalog`, {
        errors: [{ field: 'body.drug_id', message: 'not in the catalog' }],
      })
    }
    const r = draftFromSubmission(
      {
        ...input,
        channel: principal.role === 'patient' ? 'upload' : 'structured',
        prescriber_id: principal.role === 'practitioner' ? principal.sub : (input.prescriber_id ?? null),
        submitted_by: principal.sub,
      },
      drug,
      utcToday(),
    )
    if ('violations' in r) {
      const errors = r.violations.map((v) => ({ field: `body.${v.field}`, message: v.message }))
      throw new Problem(
        422,
        'invalid-prescription',
        'The prescription breaks a dispensing rule',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        { errors },
      )
    }
    const [recorded] = await recordDrafts(deps, [r.draft], principal.sub)
    return { status: 201, body: { prescription_id: recorded!.row.prescription_id, status: recorded!.row.status } }
  })
}
