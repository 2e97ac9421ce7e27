import type { Consumer } from '@apotheca/kernel'
import { prescriptionDecided } from '../../application/prescription-decided.ts'
import type { OrdersDeps } from '../../application/deps.ts'

/**
 * prescriptions.prescription.status_changed.v1: a pharmacist's decision settles the orders waiting
 * for it (capture on verified; void and release on rejected). The work calls the provider and
 * inventory, so it runs before the inbox transaction; it is idempotent, so a redelivery is harmless.
 */
export const prescriptionStatusChanged = (deps: OrdersDeps): Consumer => ({
  name: 'orders.prescription-status-changed',
  types: ['prescriptions.prescription.status_changed.v1'],
  async handle(env) {
    const p = env.payload as { prescription_id: string; to: string }
    await prescriptionDecided(deps, p.prescription_id, p.to)
  },
})
