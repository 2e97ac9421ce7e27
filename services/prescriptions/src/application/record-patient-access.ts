import type { EventPayload } from '@apotheca/contracts'
import type { Principal } from '@apotheca/kernel'
import type { PrescriptionsDeps } from './deps.ts'

type Purpose = EventPayload<'prescriptions.patient.accessed.v1'>['purpose']

/**
 * Records that someone other than the patient read the patient's clinical data (DESIGN: PHI reads
 * are audited), in a small transaction of its own after the read. `via` names the service that
 * asked on the reader's behalf. A patient reading their own record is not recorded.
 */
export async function recordPatientAccess(
  deps: PrescriptionsDeps,
  reader: Pick<Principal, 'sub' | 'role'>,
  patientId: string,
  purpose: Purpose,
  via: string | null = null,
): Promise<void> {
  if (reader.role === 'patient' && reader.sub === patientId) return
  await deps.db.transaction((tx) =>
    deps.publish(tx, 'prescriptions.patient.accessed.v1', patientId, { patient_id: patientId, actor_id: reader.sub, purpose, via }),
  )
}
