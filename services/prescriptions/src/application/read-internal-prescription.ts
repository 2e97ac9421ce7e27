import type { InternalPrescription } from '@apotheca/contracts'
import { notFound } from '@apotheca/kernel'
import { findPrescription } from '../db/prescription.repository.ts'
import { signedForm } from '../domain/signed-form.ts'
import { utcToday } from '../domain/prescription-rules.ts'
import type { PrescriptionsDeps } from './deps.ts'

/**
 * What another service of ours may know of a prescription to sell against it (contracts'
 * InternalPrescription), with its signature and whether it still matches the stored fields: a
 * verified prescription whose signature no longer verifies was changed after verification.
 */
export async function readInternalPrescription(
  deps: Pick<PrescriptionsDeps, 'db' | 'signer' | 'log'>,
  id: string,
): Promise<InternalPrescription & { prescriber_id: string | null; issue_date: string | null }> {
  const p = await findPrescription(deps.db, id)
  // Not matched to a patient yet: nothing can be sold against it, and the contract needs a patient.
  if (!p || !p.patient_id) throw notFound('Prescription')
  const signature_valid = p.signature && p.signing_key_id ? await deps.signer.verify(p.signing_key_id, signedForm(p), p.signature) : false
  if (p.signature && !signature_valid)
    deps.log.error({ prescription_id: p.prescription_id }, 'prescription signature does not match its fields')
  return {
    prescription_id: p.prescription_id,
    patient_id: p.patient_id,
    drug_id: p.drug_id,
    status: p.status,
    quantity: p.quantity ?? 0,
    refills_remaining: p.refills_remaining,
    expiry_date: p.expiry_date,
    dea_schedule: p.dea_schedule,
    prescriber_id: p.prescriber_id,
    issue_date: p.issue_date,
    verified_at: p.verified_at,
    signing_key_id: p.signing_key_id,
    signature: p.signature,
    signature_valid,
    // A changed prescription is refused at dispensing: orders sells only against `dispensable`.
    dispensable: p.status === 'verified' && signature_valid && (!p.expiry_date || p.expiry_date >= utcToday()),
  }
}
