import { eraseAccount, findAccount } from '../db/account.repository.ts'
import { shredPatientProfile } from '../db/patient.repository.ts'
import type { IdentityDeps } from './deps.ts'

/**
 * GDPR erasure by crypto-shredding: the patient's wrapped DEK, e-mail index, credentials and sealed
 * fields are destroyed in one transaction with the erased event, so whatever the DEK sealed (in
 * backups too) can never be read again. Erasing twice is harmless. False when there is no such patient.
 */
export async function erasePatient(deps: IdentityDeps, patientId: string): Promise<boolean> {
  const found = await deps.db.transaction(async (tx) => {
    const account = await findAccount(tx, patientId, true)
    if (!account || account.role !== 'patient') return false
    if (account.status === 'erased') return true
    await eraseAccount(tx, patientId)
    await shredPatientProfile(tx, patientId)
    await deps.publish(tx, 'identity.patient.erased.v1', patientId, { patient_id: patientId })
    return true
  })
  if (found) deps.log.info({ patient_id: patientId }, 'patient erased')
  return found
}
