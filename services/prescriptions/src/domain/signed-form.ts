/** The fields of a prescription its verification signature covers. */
export interface SignedFields {
  prescription_id: string
  patient_id: string | null
  drug_id: string | null
  prescriber_id: string | null
  dosage: string | null
  quantity: number | null
  refill_count: number
  issue_date: string | null
  expiry_date: string | null
  dea_schedule: string | null
  verified_by: string | null
  verified_at: string | null
  signing_key_id: string | null
}

/**
 * The canonical form a pharmacist's approval is signed over (canonical JSON of this object, Ed25519).
 * It holds what was approved, by whom, when and with which key, not the status, which moves on
 * (cancelled, expired) without touching what was verified. Any later change to these fields breaks it.
 */
export function signedForm(p: SignedFields) {
  return {
    v: 1,
    prescription_id: p.prescription_id,
    patient_id: p.patient_id,
    drug_id: p.drug_id,
    prescriber_id: p.prescriber_id,
    dosage: p.dosage,
    quantity: p.quantity,
    refill_count: p.refill_count,
    issue_date: p.issue_date,
    expiry_date: p.expiry_date,
    dea_schedule: p.dea_schedule,
    verified_by: p.verified_by,
    verified_at: p.verified_at,
    key_id: p.signing_key_id,
  }
}
