import type { Role } from '@apotheca/contracts'

/** Who asks: a signed-in user, or a carrier whose signed call the kernel verified. */
export type Reporter = { kind: 'user'; role: Role; sub: string } | { kind: 'carrier' }

/** The parts of a shipment that decide who may see or move it. */
export interface ShipmentParties {
  patient_id: string
  driver_id: string | null
}

const STAFF: readonly Role[] = ['pharmacist', 'technician', 'admin']

/** The patient of the shipment, its driver and pharmacy staff may see it; nobody else learns it exists. */
export function canView(who: { role: Role; sub: string }, s: ShipmentParties): boolean {
  if (STAFF.includes(who.role)) return true
  if (who.role === 'patient') return who.sub === s.patient_id
  if (who.role === 'driver') return s.driver_id !== null && who.sub === s.driver_id
  return false
}

/** An admin or a carrier may report on any shipment; a driver only on the ones assigned to them. */
export function canReport(who: Reporter, s: ShipmentParties): boolean {
  if (who.kind === 'carrier') return true
  if (who.role === 'admin') return true
  return who.role === 'driver' && s.driver_id !== null && who.sub === s.driver_id
}
