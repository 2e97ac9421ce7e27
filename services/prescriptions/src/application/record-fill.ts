import { randomUUID } from 'node:crypto'
import { Problem, conflict, notFound } from '@apotheca/kernel'
import { checkFill } from '../domain/refills.ts'
import { utcToday } from '../domain/prescription-rules.ts'
import { signedForm } from '../domain/signed-form.ts'
import { findPrescription, insertHistory, lockPrescription } from '../db/prescription.repository.ts'
import { fillState, findFill, insertFill } from '../db/fill.repository.ts'
import { insertNcpdpMessage } from '../db/ncpdp-message.repository.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** A fill as orders asks for it: which order, how many units. */
export interface FillInput {
  order_id: string
  quantity: number
}

/**
 * Dispenses a verified prescription for an order, once per order: its signature is checked again
 * (a changed prescription is refused), then the refill rules (expiry, refills left, not too early).
 * When the last refill is used, a renewal is asked of the prescriber: an event for the
 * e-prescribing adapter, and a message id a later RxRenewalResponse relates to.
 */
export async function recordFill(deps: PrescriptionsDeps, id: string, input: FillInput) {
  const p = await findPrescription(deps.db, id)
  if (!p || !p.patient_id) throw notFound('Prescription')
  const seen = await findFill(deps.db, id, input.order_id)
  if (seen) return { status: 200, body: { ...seen, refills_remaining: p.refills_remaining, renewal_requested: false, duplicate: true } }
  if (p.quantity !== null && input.quantity > p.quantity)
    throw new Problem(422, 'quantity-above-prescribed', 'More than prescribed', `at most ${p.quantity} units per fill`)
  const valid = p.signature && p.signing_key_id ? await deps.signer.verify(p.signing_key_id, signedForm(p), p.signature) : false
  if (!valid) {
    deps.log.error({ prescription_id: id }, 'fill refused: prescription signature does not match its fields')
    throw conflict('not-dispensable', 'The prescription is not dispensable', 'it is not verified, or it was changed after verification')
  }
  const today = utcToday()
  return deps.db.transaction(async (tx) => {
    const row = await lockPrescription(tx, id)
    const state = row && (await fillState(tx, id))
    if (!row || !state) throw notFound('Prescription')
    const again = await findFill(tx, id, input.order_id)
    if (again)
      return { status: 200, body: { ...again, refills_remaining: row.refills_remaining, renewal_requested: false, duplicate: true } }
    const ok = checkFill({ ...row, ...state }, today)
    if ('slug' in ok)
      throw conflict(
        ok.slug,
        'The prescription cannot be filled now',
        ok.detail,
        ok.earliest ? { earliest_refill: ok.earliest } : undefined,
      )
    const fill = {
      prescription_id: id,
      order_id: input.order_id,
      fill_number: state.next_fill_number,
      quantity: input.quantity,
      filled_on: today,
    }
    const renewal = ok.last && !state.renewal_requested_at
    await insertFill(tx, fill, ok.refills_remaining, renewal)
    await insertHistory(tx, {
      prescription_id: id,
      from: row.status,
      to: row.status,
      reason: `fill ${fill.fill_number} for order ${input.order_id}; ${ok.refills_remaining} refill(s) left`,
      actor: 'orders',
    })
    await deps.publish(tx, 'prescriptions.prescription.filled.v1', id, {
      prescription_id: id,
      patient_id: row.patient_id!,
      order_id: input.order_id,
      fill_number: fill.fill_number,
      quantity: fill.quantity,
      refills_remaining: ok.refills_remaining,
    })
    if (renewal) {
      const message_id = `RR-${randomUUID()}`
      await insertNcpdpMessage(tx, {
        message_id,
        transaction: 'RxRenewalRequest',
        relates_to: row.source_message_id,
        order_number: row.source_order_number,
        reference: null,
        decision: null,
        prescription_id: id,
        result_prescription_id: null,
        outcome: 'requested',
        needs_review: false,
      })
      await insertHistory(tx, {
        prescription_id: id,
        from: row.status,
        to: row.status,
        reason: `no refills left: renewal requested of the prescriber (message ${message_id})`,
        actor: 'system',
      })
      await deps.publish(tx, 'prescriptions.prescription.renewal_requested.v1', id, {
        prescription_id: id,
        patient_id: row.patient_id!,
        prescriber_id: row.prescriber_id,
        prescriber_npi: row.prescriber_npi,
        drug_id: row.drug_id,
        message_id,
      })
    }
    return { status: 201, body: { ...fill, refills_remaining: ok.refills_remaining, renewal_requested: renewal } }
  })
}
