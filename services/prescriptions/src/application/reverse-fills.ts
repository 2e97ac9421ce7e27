import type { Tx } from '@apotheca/kernel'
import { insertHistory, lockPrescription } from '../db/prescription.repository.ts'
import { fillsOfOrder, reverseFill } from '../db/fill.repository.ts'
import type { PrescriptionsDeps } from './deps.ts'

/**
 * An order cancelled after its prescriptions were filled (fulfilment began, nothing shipped): each
 * fill is reversed, so the patient keeps the refill they did not receive. Idempotent: a fill already
 * reversed is left alone. Runs in the consumer's transaction.
 */
export async function reverseFillsOfOrder(deps: PrescriptionsDeps, orderId: string, tx: Tx): Promise<void> {
  for (const f of await fillsOfOrder(tx, orderId)) {
    const p = await lockPrescription(tx, f.prescription_id)
    if (!p) continue
    const left = await reverseFill(tx, f.prescription_id, orderId, 'order_cancelled')
    if (left === null) continue
    await insertHistory(tx, {
      prescription_id: p.prescription_id,
      from: p.status,
      to: p.status,
      reason: `fill ${f.fill_number} reversed: order ${orderId} cancelled; ${left} refill(s) left`,
      actor: 'orders',
    })
    await deps.publish(tx, 'prescriptions.prescription.fill_reversed.v1', p.prescription_id, {
      prescription_id: p.prescription_id,
      patient_id: p.patient_id!,
      order_id: orderId,
      fill_number: f.fill_number,
      refills_remaining: left,
    })
    deps.log.info({ prescription_id: p.prescription_id, order_id: orderId }, 'fill reversed')
  }
}
