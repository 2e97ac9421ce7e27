import type { PrescriptionStatus } from '@apotheca/contracts'
import type { Publish, Tx } from '@apotheca/kernel'
import type { PrescriptionRow } from '../db/prescription.repository.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuidOrNull = (s: string | null) => (s && UUID.test(s) ? s : null)

/**
 * Publishes `prescriptions.prescription.received.v1` in the caller's transaction. The event names
 * its patient, so an e-prescription not yet matched to one of our patients publishes nothing: its
 * history is in our tables, and its events follow when a pharmacist matches the patient.
 */
export async function publishReceived(publish: Publish, tx: Tx, p: PrescriptionRow): Promise<void> {
  if (!p.patient_id) return
  await publish(tx, 'prescriptions.prescription.received.v1', p.prescription_id, {
    prescription_id: p.prescription_id,
    patient_id: p.patient_id,
    drug_id: p.drug_id,
    prescriber_id: uuidOrNull(p.prescriber_id),
    quantity: p.quantity ?? 0,
    refill_count: p.refill_count,
    channel: p.channel,
  })
}

/** Publishes `prescriptions.prescription.review_requested.v1`: the review consumer validates it and runs DUR. */
export async function publishReviewRequested(
  publish: Publish,
  tx: Tx,
  p: Pick<PrescriptionRow, 'prescription_id' | 'channel'>,
): Promise<void> {
  await publish(tx, 'prescriptions.prescription.review_requested.v1', p.prescription_id, {
    prescription_id: p.prescription_id,
    channel: p.channel,
  })
}

/** Publishes `prescriptions.prescription.status_changed.v1` (same rule about unmatched patients). */
export async function publishStatusChanged(
  publish: Publish,
  tx: Tx,
  p: Pick<PrescriptionRow, 'prescription_id' | 'patient_id'>,
  change: { from: PrescriptionStatus | null; to: PrescriptionStatus; reason: string | null; actor: string | null },
): Promise<void> {
  if (!p.patient_id) return
  await publish(tx, 'prescriptions.prescription.status_changed.v1', p.prescription_id, {
    prescription_id: p.prescription_id,
    patient_id: p.patient_id,
    from: change.from,
    to: change.to,
    reason: change.reason,
    actor_id: change.actor,
  })
}

/** Publishes `prescriptions.epcs.status_received.v1`, keyed by the prescription it names. */
export async function publishEpcsStatus(
  publish: Publish,
  tx: Tx,
  m: { message_id: string; prescription_id: string; status: string },
): Promise<void> {
  await publish(tx, 'prescriptions.epcs.status_received.v1', m.prescription_id, {
    message_id: m.message_id,
    prescription_id: m.prescription_id,
    status: m.status,
  })
}
