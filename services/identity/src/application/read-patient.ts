import { findPatient } from '../db/patient.repository.ts'
import type { Address, PatientRecord } from '../domain/patient.ts'
import type { IdentityDeps } from './deps.ts'

/** A patient as found: decrypted when active; only the fact of erasure when erased. */
export type FoundPatient = { status: 'active'; record: PatientRecord } | { status: 'erased'; patient_id: string }

/** Reads and decrypts a patient's record; null when there is no such patient. */
export async function readPatient(deps: IdentityDeps, patientId: string): Promise<FoundPatient | null> {
  const row = await findPatient(deps.db, patientId)
  if (!row) return null
  if (row.status === 'erased' || !row.wrapped_dek || !row.contact_sealed || !row.profile_sealed)
    return { status: 'erased', patient_id: row.patient_id }
  const dek = deps.vault.unwrap(row.patient_id, row.wrapped_dek)
  const contact = deps.vault.openJson<{ name: string; email: string }>(dek, row.patient_id, 'contact', row.contact_sealed)
  const profile = deps.vault.openJson<{ date_of_birth: string; phone: string; address: Address }>(
    dek,
    row.patient_id,
    'profile',
    row.profile_sealed,
  )
  return {
    status: 'active',
    record: {
      patient_id: row.patient_id,
      name: contact.name,
      email: contact.email,
      date_of_birth: profile.date_of_birth,
      phone: profile.phone,
      address: profile.address,
      consent: { email: row.consent_email, sms: row.consent_sms },
      mfa_enabled: row.totp_enabled_at !== null,
      created_at: new Date(row.created_at).toISOString(),
    },
  }
}

/** Records who read a patient's PHI and why, for the audit log (its own small transaction). */
export async function recordPhiAccess(
  deps: IdentityDeps,
  patientId: string,
  actorId: string,
  purpose: 'export' | 'internal',
): Promise<void> {
  await deps.db.transaction((tx) =>
    deps.publish(tx, 'identity.patient.accessed.v1', patientId, { patient_id: patientId, actor_id: actorId, purpose }),
  )
}
