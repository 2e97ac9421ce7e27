import type { Answer, Publish, Tx } from '@apotheca/kernel'
import { draftFromOrder, type DrugLookup, type ParsedOrder } from '../domain/intake.ts'
import type { ScriptMessage } from '../domain/ncpdp-messages.ts'
import { nextStatus } from '../domain/prescription-status.ts'
import { utcToday } from '../domain/prescription-rules.ts'
import {
  findByNcpdpReference,
  findOpenByNpiAndNdc,
  insertHistory,
  lockPrescription,
  type PrescriptionRow,
} from '../db/prescription.repository.ts'
import { findNcpdpMessage, insertNcpdpMessage, type NcpdpMessageRow } from '../db/ncpdp-message.repository.ts'
import { lookupDrugByCode } from './resolve-drug.ts'
import { move, recordOne } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

type Other = Exclude<ScriptMessage, { kind: 'NewRx' }>
type Outcome = Omit<NcpdpMessageRow, 'message_id' | 'transaction' | 'relates_to' | 'order_number' | 'reference' | 'decision'>

/**
 * CancelRx, RxRenewalResponse and RxChangeResponse, once each by MessageID. A message we can match
 * acts on its prescription: a cancel cancels it (when still legal), an approved renewal or change
 * creates the new prescription (which is reviewed like any other) and a change replaces the old one,
 * a denial is noted in its history. An unmatched or ambiguous message is kept for a pharmacist (202).
 */
export async function receiveNcpdpMessage(deps: PrescriptionsDeps, m: Other, actor: string): Promise<Answer> {
  const seen = await findNcpdpMessage(deps.db, m.refs.message_id!)
  if (seen) return answer(m, seen, true)
  const matches = await match(deps, m)
  const original = matches.length === 1 ? matches[0]! : null
  const changed = m.kind !== 'CancelRx' && original && ['approved', 'approved_with_changes', 'replace'].includes(m.decision)
  const drug = changed ? await drugOf(deps, m, original) : null
  return deps.db.transaction(async (tx) => {
    const locked = original ? await lockPrescription(tx, original.prescription_id) : null
    const outcome = !locked
      ? {
          prescription_id: null,
          result_prescription_id: null,
          outcome: matches.length > 1 ? `ambiguous: matches ${matches.length} prescriptions` : 'unmatched: no prescription of ours',
          needs_review: true,
        }
      : await act(deps.publish, tx, m, locked, drug, actor)
    const row: NcpdpMessageRow = {
      message_id: m.refs.message_id!,
      transaction: m.kind,
      relates_to: m.refs.relates_to,
      order_number: m.refs.order_number,
      reference: m.refs.reference,
      decision: m.kind === 'CancelRx' ? null : m.decision,
      ...outcome,
    }
    if (!(await insertNcpdpMessage(tx, row))) return answer(m, (await findNcpdpMessage(tx, row.message_id))!, true)
    return answer(m, row, false)
  })
}

async function match(deps: PrescriptionsDeps, m: Other): Promise<PrescriptionRow[]> {
  const byRef = await findByNcpdpReference(deps.db, m.refs)
  if (byRef.length || m.kind !== 'CancelRx' || !m.prescriber_npi || !m.ndc) return byRef
  return findOpenByNpiAndNdc(deps.db, m.prescriber_npi, m.ndc)
}

async function drugOf(deps: PrescriptionsDeps, m: Other, original: PrescriptionRow): Promise<DrugLookup> {
  const ndc = m.kind === 'CancelRx' ? null : m.medication?.ndc
  if (ndc) return lookupDrugByCode(deps.services, deps.log, { ndc })
  return original.drug_id
    ? { kind: 'found', drug_id: original.drug_id, dea_schedule: original.dea_schedule, via: 'drug_id' }
    : { kind: 'uncoded', detail: 'the original names no catalog drug' }
}

async function act(publish: Publish, tx: Tx, m: Other, p: PrescriptionRow, drug: DrugLookup | null, actor: string): Promise<Outcome> {
  const base = { prescription_id: p.prescription_id, result_prescription_id: null, needs_review: false }
  const tag = `NCPDP ${m.kind} ${m.refs.message_id!.slice(0, 100)}`
  if (m.kind === 'CancelRx') {
    if (!nextStatus(p.status, 'cancel')) {
      await insertHistory(tx, {
        prescription_id: p.prescription_id,
        from: p.status,
        to: p.status,
        reason: `${tag}: cancel refused, the prescription is ${p.status}`,
        actor,
      })
      return { ...base, outcome: `cancel refused: the prescription is ${p.status}` }
    }
    await move(publish, tx, p, 'cancel', `cancelled by the prescriber (${tag})`, actor)
    return { ...base, outcome: 'cancelled' }
  }
  if (m.decision === 'ambiguous') return { ...base, outcome: 'ambiguous answer: both approved and denied, or neither', needs_review: true }
  if (m.decision === 'denied') {
    await insertHistory(tx, {
      prescription_id: p.prescription_id,
      from: p.status,
      to: p.status,
      reason: `${tag}: denied${m.reason_code ? ` (${m.reason_code})` : ''}${m.note ? `: ${m.note}` : ''}`,
      actor,
    })
    return { ...base, outcome: 'denied' }
  }
  const created = await recordOne(publish, tx, draftFromOrder(successor(m, p), drug!, utcToday(), actor), actor)
  if (m.kind === 'RxChangeResponse' && nextStatus(p.status, 'cancel')) {
    await move(publish, tx, p, 'cancel', `replaced by ${created.row.prescription_id} (${tag})`, actor)
  } else {
    await insertHistory(tx, {
      prescription_id: p.prescription_id,
      from: p.status,
      to: p.status,
      reason: `${tag}: ${m.decision}, new prescription ${created.row.prescription_id}`,
      actor,
    })
  }
  return { ...base, result_prescription_id: created.row.prescription_id, outcome: m.kind === 'RxRenewalResponse' ? 'renewed' : 'changed' }
}

/** The new prescription an approved renewal or change makes: the original, with the prescriber's changes, written today. */
function successor(m: Extract<Other, { decision: unknown }>, p: PrescriptionRow): ParsedOrder {
  const c = m.decision === 'approved' ? null : m.medication
  return {
    channel: 'ncpdp',
    patient_id: p.patient_id,
    prescriber_id: p.prescriber_id,
    dosage: c?.dosage ?? p.dosage,
    quantity: c?.quantity ?? p.quantity,
    refill_count: c?.refill_count ?? p.refill_count,
    issue_date: utcToday(),
    expiry_date: null,
    days_supply: c?.days_supply ?? p.days_supply,
    history: null,
    notes: [
      `${m.kind === 'RxRenewalResponse' ? 'renewal' : 'change'} of prescription ${p.prescription_id} (${m.decision}${m.note ? `: ${m.note.slice(0, 200)}` : ''})`,
    ],
    source: {
      message_id: m.refs.message_id,
      order_number: m.refs.order_number ?? p.source_order_number,
      ndc: c?.ndc ?? p.source_ndc,
      drug_text: c?.drug_text ?? p.source_drug_text,
      prescriber_npi: p.prescriber_npi,
    },
  }
}

function answer(m: Other, r: NcpdpMessageRow, duplicate: boolean): Answer {
  return {
    status: r.needs_review ? 202 : 200,
    body: {
      transaction: m.kind,
      message_id: r.message_id,
      outcome: r.outcome,
      prescription_id: r.prescription_id,
      ...(r.result_prescription_id ? { new_prescription_id: r.result_prescription_id } : {}),
      ...(r.needs_review ? { needs_review: true } : {}),
      ...(duplicate ? { duplicate: true } : {}),
    },
  }
}
