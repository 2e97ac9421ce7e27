import { STAFF_ROLES, type Principal } from '@apotheca/kernel'

/** Whether a caller may see an order: the patient it belongs to, or pharmacy staff. */
export function canSeeOrder(p: Principal, o: { patient_id: string }): boolean {
  if (p.role === 'patient') return p.sub === o.patient_id
  return (STAFF_ROLES as string[]).includes(p.role)
}
