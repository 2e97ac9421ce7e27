import { notFound } from '@apotheca/kernel'
import { toFhirBundle } from '../domain/fhir-patient.ts'
import type { IdentityDeps } from './deps.ts'
import { readPatient, recordPhiAccess } from './read-patient.ts'

/** The formats of a patient's data export (GDPR art. 15 and 20). */
export type ExportFormat = 'json' | 'fhir'

/** Everything identity holds about a patient, as JSON or a FHIR R4 Bundle; the read is audited. */
export async function exportPatient(deps: IdentityDeps, patientId: string, actorId: string, format: ExportFormat) {
  const found = await readPatient(deps, patientId)
  if (!found || found.status === 'erased') throw notFound('Patient')
  await recordPhiAccess(deps, patientId, actorId, 'export')
  const now = new Date()
  if (format === 'fhir') return toFhirBundle(found.record, now)
  const { mfa_enabled, created_at, ...data } = found.record
  return { ...data, account: { role: 'patient', status: 'active', mfa_enabled, created_at }, exported_at: now.toISOString() }
}
