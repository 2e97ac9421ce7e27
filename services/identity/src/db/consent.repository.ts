import type { Sql } from '@apotheca/kernel'

/** Every consent a patient can give or withdraw. */
export interface ConsentSet {
  email: boolean
  sms: boolean
  marketing: boolean
  data_sharing: boolean
}

/** The patient's consent and account status, held for this transaction when `lock`; null when no such patient. */
export async function findConsent(db: Sql, patientId: string, lock = false): Promise<(ConsentSet & { status: string }) | null> {
  const { rows } = await db.query<ConsentSet & { status: string }>(
    /* sql */ `SELECT a.status, p.consent_email AS email, p.consent_sms AS sms, p.consent_marketing AS marketing, p.consent_data_sharing AS data_sharing
     FROM identity.patients p JOIN identity.accounts a ON a.account_id = p.patient_id WHERE p.patient_id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
    [patientId],
  )
  return rows[0] ?? null
}

/** Stores the new consent and appends it to the history. */
export async function saveConsent(tx: Sql, patientId: string, c: ConsentSet, changedBy: string): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE identity.patients SET consent_email = $2, consent_sms = $3, consent_marketing = $4, consent_data_sharing = $5 WHERE patient_id = $1`,
    [patientId, c.email, c.sms, c.marketing, c.data_sharing],
  )
  await tx.query(
    /* sql */ `INSERT INTO identity.consent_history (patient_id, email, sms, marketing, data_sharing, changed_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [patientId, c.email, c.sms, c.marketing, c.data_sharing, changedBy],
  )
}

/** The consent history, oldest first. */
export async function consentHistory(db: Sql, patientId: string) {
  const { rows } = await db.query<ConsentSet & { changed_by: string; changed_at: Date }>(
    /* sql */ `SELECT email, sms, marketing, data_sharing, changed_by, changed_at FROM identity.consent_history WHERE patient_id = $1 ORDER BY change_id`,
    [patientId],
  )
  return rows.map((r) => ({
    consent: { email: r.email, sms: r.sms, marketing: r.marketing, data_sharing: r.data_sharing },
    changed_by: r.changed_by,
    changed_at: new Date(r.changed_at).toISOString(),
  }))
}
