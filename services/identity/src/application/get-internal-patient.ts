import { notFound } from '@apotheca/kernel'
import type { InternalPatient } from '@apotheca/contracts'
import type { IdentityDeps } from './deps.ts'
import { readPatient, recordPhiAccess } from './read-patient.ts'

/** A patient's contact, address and consent for another service of ours (the read is audited). */
export async function getInternalPatient(deps: IdentityDeps, patientId: string, actorId: string): Promise<InternalPatient> {
  const found = await readPatient(deps, patientId)
  if (!found) throw notFound('Patient')
  if (found.status === 'erased') {
    return {
      patient_id: patientId,
      status: 'erased',
      name: null,
      email: null,
      phone: null,
      address: null,
      consent: { email: false, sms: false },
    }
  }
  await recordPhiAccess(deps, patientId, actorId, 'internal')
  const r = found.record
  return {
    patient_id: r.patient_id,
    status: 'active',
    name: r.name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    consent: r.consent,
  }
}
