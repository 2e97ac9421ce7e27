import { Problem, conflict, notFound, type Principal } from '@apotheca/kernel'
import type { DrugLookup, DrugResolution } from '../domain/intake.ts'
import { nextStatus, type PrescriptionAction } from '../domain/prescription-status.ts'
import { checkRules, needsStepUp, utcToday, type DeaSchedule } from '../domain/prescription-rules.ts'
import { signedForm } from '../domain/signed-form.ts'
import { needsOverride, type OverrideReason } from '../domain/findings.ts'
import { findPrescription, lockPrescription, type PrescriptionRow } from '../db/prescription.repository.ts'
import { lookupDrugByCode, lookupDrugById } from './resolve-drug.ts'
import { move } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** A pharmacist's decision on a prescription in review. */
export interface VerifyInput {
  decision: 'approve' | 'reject'
  reason?: string | undefined
  override_reason?: OverrideReason | undefined
}

/**
 * A pharmacist approves (→ verified, signed with the service's Ed25519 key) or rejects (→ rejected)
 * a prescription in review. Approval confirms the drug with the catalog if that could not be done
 * at intake, asks a fresh second factor for controlled substances, and re-checks the rules.
 */
export async function verifyPrescription(deps: PrescriptionsDeps, principal: Principal, id: string, input: VerifyInput) {
  const current = await afterReview(deps, await findPrescription(deps.db, id))
  if (!current) throw notFound('Prescription')
  const action: PrescriptionAction = input.decision === 'approve' ? 'approve' : 'reject'
  assertLegal(current, action)
  if (action === 'reject') return decide(deps, principal, current, action, input.reason ?? null, {})
  const drug = current.drug_confirmed
    ? { drug_id: current.drug_id!, dea_schedule: current.dea_schedule, via: current.drug_resolution }
    : await confirmDrug(deps, current)
  if (needsStepUp(drug.dea_schedule, principal.mfa_at, Math.floor(Date.now() / 1000))) {
    throw new Problem(
      403,
      'step-up-required',
      'A fresh second factor is needed',
      `schedule ${drug.dea_schedule} substances need an authenticator code from the last 5 minutes: sign in again`,
    )
  }
  assertApprovable(current, drug.dea_schedule)
  assertOverridden(current, input.override_reason)
  const why = input.override_reason
    ? `approved over ${current.findings.filter((f) => f.severity !== 'info').length} finding(s): ${input.override_reason}`
    : 'approved by the pharmacist'
  return decide(deps, principal, current, action, input.reason ? `${why}; ${input.reason}` : why, {
    drug_id: drug.drug_id,
    dea_schedule: drug.dea_schedule,
    drug_confirmed: true,
    drug_resolution: current.drug_resolution ?? drug.via,
    ...(input.override_reason ? { override_reason: input.override_reason } : {}),
  })
}

/** How long a decision waits for an automated review still running (received, validating) before it is a 409. */
export const REVIEW_WAIT_MS = 2000

/** A pharmacist who opens a prescription the moment it arrives waits for its review, briefly, rather than getting a 409. */
async function afterReview(deps: PrescriptionsDeps, p: PrescriptionRow | null): Promise<PrescriptionRow | null> {
  const until = Date.now() + REVIEW_WAIT_MS
  while (p && (p.status === 'received' || p.status === 'validating') && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50))
    p = await findPrescription(deps.db, p.prescription_id)
  }
  return p
}

function assertLegal(p: PrescriptionRow, action: PrescriptionAction) {
  if (!nextStatus(p.status, action)) {
    throw conflict(
      'illegal-transition',
      `A prescription that is ${p.status} cannot be ${action === 'approve' ? 'approved' : 'rejected'}`,
      undefined,
      { prescription_status: p.status },
    )
  }
}

/** The drug as the catalog knows it now; a prescription whose drug cannot be confirmed cannot be approved. */
async function confirmDrug(
  deps: PrescriptionsDeps,
  p: PrescriptionRow,
): Promise<{ drug_id: string; dea_schedule: DeaSchedule | null; via: DrugResolution }> {
  let found: DrugLookup
  if (p.drug_id) found = await lookupDrugById(deps.services, deps.log, p.drug_id)
  else
    found = await lookupDrugByCode(deps.services, deps.log, { ndc: p.source_ndc, rxnorm: p.source_rxnorm, drug_text: p.source_drug_text })
  if (found.kind === 'found') return found
  if (found.kind === 'unavailable')
    throw conflict('drug-unconfirmed', 'The drug could not be confirmed with the catalog', 'the catalog did not answer; try again shortly')
  throw conflict(
    'prescription-incomplete',
    'The prescription names no drug of the catalog',
    `${found.detail}; reject it or have it corrected`,
  )
}

function assertApprovable(p: PrescriptionRow, schedule: DeaSchedule | null) {
  const missing = [
    !p.patient_id && 'patient_id',
    p.quantity === null && 'quantity',
    !p.issue_date && 'issue_date',
    !p.dosage && 'dosage',
  ].filter(Boolean)
  if (missing.length)
    throw conflict(
      'prescription-incomplete',
      'The prescription is incomplete',
      `missing: ${missing.join(', ')}; reject it or have it corrected`,
      { missing },
    )
  const { violations } = checkRules(
    { issue_date: p.issue_date!, expiry_date: p.expiry_date, quantity: p.quantity!, refill_count: p.refill_count },
    schedule,
    utcToday(),
  )
  if (violations.length) {
    const errors = violations.map((v) => ({ field: v.field, message: v.message }))
    throw new Problem(
      422,
      'invalid-prescription',
      'The prescription breaks a dispensing rule',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
    )
  }
}

/** Approving over findings of the automated review (interactions, duplicates, limits…) needs a reason code. */
function assertOverridden(p: PrescriptionRow, reason: OverrideReason | undefined) {
  if (!needsOverride(p.findings) || reason) return
  const findings = p.findings.filter((f) => f.severity !== 'info')
  throw new Problem(
    422,
    'override-required',
    'Approving over review findings needs an override reason',
    `${findings.length} finding(s): ${findings.map((f) => f.code).join(', ')}; send override_reason`,
    { findings },
  )
}

type DrugSet = {
  drug_id?: string | null
  dea_schedule?: DeaSchedule | null
  drug_confirmed?: boolean
  drug_resolution?: DrugResolution | null
  override_reason?: string
}

/** Applies the decision under a row lock; a change made meanwhile by someone else is a 409. */
async function decide(
  deps: PrescriptionsDeps,
  principal: Principal,
  seen: PrescriptionRow,
  action: PrescriptionAction,
  reason: string | null,
  drug: DrugSet,
) {
  return deps.db.transaction(async (tx) => {
    const p = await lockPrescription(tx, seen.prescription_id)
    if (!p) throw notFound('Prescription')
    assertLegal(p, action)
    if (p.version !== seen.version) throw conflict('concurrent-change', 'The prescription changed meanwhile', 'load it again and decide')
    let set = {}
    if (action === 'approve') {
      const verified_at = new Date().toISOString()
      const signed = { ...p, ...drug, verified_by: principal.sub, verified_at, signing_key_id: deps.signer.keyId }
      set = {
        ...drug,
        verified_by: principal.sub,
        verified_at,
        signing_key_id: deps.signer.keyId,
        signature: deps.signer.sign(signedForm(signed)),
      }
    }
    const next = await move(deps.publish, tx, p, action, reason, principal.sub, set)
    return {
      prescription_id: next.prescription_id,
      status: next.status,
      ...(next.signature ? { signature: next.signature, signing_key_id: next.signing_key_id } : {}),
    }
  })
}
