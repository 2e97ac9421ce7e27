import type { Sql } from '@apotheca/kernel'
import type { Consent } from '../domain/patient.ts'

/** A patient row joined to its account: everything needed to decrypt and answer. */
export interface PatientRow {
  patient_id: string
  status: 'active' | 'erased'
  wrapped_dek: string | null
  contact_sealed: string | null
  profile_sealed: string | null
  consent_email: boolean
  consent_sms: boolean
  totp_enabled_at: Date | null
  created_at: Date
}

/** Inserts the patient part of a patient account (in the account's transaction). */
export async function insertPatient(tx: Sql, p: { patient_id: string; profile_sealed: string; consent: Consent }): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO identity.patients (patient_id, profile_sealed, consent_email, consent_sms) VALUES ($1, $2, $3, $4)`,
    [p.patient_id, p.profile_sealed, p.consent.email, p.consent.sms],
  )
  // The consent given at registration opens the history.
  await tx.query(
    /* sql */ `INSERT INTO identity.consent_history (patient_id, email, sms, marketing, data_sharing, changed_by) VALUES ($1, $2, $3, false, false, 'registration')`,
    [p.patient_id, p.consent.email, p.consent.sms],
  )
}

/** A patient with the sealed fields of its account; null when there is no such patient. */
export async function findPatient(db: Sql, patientId: string): Promise<PatientRow | null> {
  const { rows } = await db.query<PatientRow>(
    /* sql */ `SELECT p.patient_id, a.status, a.wrapped_dek, a.contact_sealed, p.profile_sealed, p.consent_email, p.consent_sms,
       a.totp_enabled_at, p.created_at
     FROM identity.patients p JOIN identity.accounts a ON a.account_id = p.patient_id
     WHERE p.patient_id = $1`,
    [patientId],
  )
  return rows[0] ?? null
}

/** Destroys the patient's sealed profile (the account's DEK goes with eraseAccount). */
export async function shredPatientProfile(tx: Sql, patientId: string): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE identity.patients SET profile_sealed = NULL, consent_email = false, consent_sms = false, consent_marketing = false, consent_data_sharing = false, erased_at = now() WHERE patient_id = $1`,
    [patientId],
  )
}
