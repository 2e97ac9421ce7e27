import { Problem, hasMfa, notFound, type Principal } from '@apotheca/kernel'

/**
 * The caller may act on this patient's records: the patient themself, or an administrator with a
 * second factor. Anyone else is told nothing, not even that the patient exists (404).
 */
export function assertSelfOrAdmin(p: Principal | null, patientId: string): Principal {
  if (p?.role === 'patient' && p.sub === patientId) return p
  if (p?.role === 'admin') {
    if (!hasMfa(p))
      throw new Problem(403, 'mfa-required', 'This action needs a second factor', 'sign in again with your authenticator code')
    return p
  }
  throw notFound('Patient')
}
