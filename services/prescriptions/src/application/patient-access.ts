import { notFound, type Principal, type Sql } from '@apotheca/kernel'
import { prescribersOf } from '../db/prescription.repository.ts'

/**
 * Who may see and record a patient's allergies, as for their prescriptions: the patient, a
 * practitioner who prescribed for them, pharmacy staff. Anyone else gets a 404, so patient ids
 * cannot be probed.
 */
export async function assertPatientAccess(db: Sql, principal: Pick<Principal, 'sub' | 'role'>, patientId: string): Promise<void> {
  if (principal.role === 'patient' && principal.sub === patientId) return
  if (principal.role === 'practitioner' && (await prescribersOf(db, patientId)).includes(principal.sub.toLowerCase())) return
  if (['pharmacist', 'technician', 'admin'].includes(principal.role)) return
  throw notFound('Patient')
}
