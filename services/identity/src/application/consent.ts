import { notFound } from '@apotheca/kernel'
import { consentHistory, findConsent, saveConsent, type ConsentSet } from '../db/consent.repository.ts'
import type { IdentityDeps } from './deps.ts'

/** The patient's consent now and every change before it; 404 for an unknown or erased patient. */
export async function readConsent(deps: IdentityDeps, patientId: string) {
  const c = await findConsent(deps.db, patientId)
  if (!c || c.status !== 'active') throw notFound('Patient')
  const { status: _, ...consent } = c
  return { patient_id: patientId, consent, history: await consentHistory(deps.db, patientId) }
}

/**
 * Changes some of the patient's consents; the others stay. A real change is stored with its history
 * row and the consent_changed event (for the audit log) in one transaction; no change records nothing.
 */
export async function changeConsent(deps: IdentityDeps, patientId: string, patch: Partial<ConsentSet>, actorId: string) {
  await deps.db.transaction(async (tx) => {
    const c = await findConsent(tx, patientId, true)
    if (!c || c.status !== 'active') throw notFound('Patient')
    const { status: _, ...before } = c
    const after: ConsentSet = { ...before, ...patch }
    if ((Object.keys(after) as Array<keyof ConsentSet>).every((k) => after[k] === before[k])) return
    await saveConsent(tx, patientId, after, actorId)
    await deps.publish(tx, 'identity.patient.consent_changed.v1', patientId, { patient_id: patientId, actor_id: actorId, consent: after })
  })
  deps.log.info({ patient_id: patientId }, 'consent changed')
  return readConsent(deps, patientId)
}
