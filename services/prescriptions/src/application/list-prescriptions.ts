import type { PrescriptionStatus } from '@apotheca/contracts'
import { notFound, type Principal, type Sql } from '@apotheca/kernel'
import { findPrescription, historyOf, listPrescriptions, type PrescriptionRow } from '../db/prescription.repository.ts'

/** A page request for a patient's prescriptions. */
export interface ListQuery {
  status?: PrescriptionStatus | undefined
  limit: number
  offset: number
}

/**
 * A patient's prescriptions with their history: the patient sees their own (anyone else's is a
 * 404, so ids cannot be probed), a practitioner those they prescribed (a patient they never
 * prescribed for is a 404 too), pharmacy staff all.
 */
export async function listPatientPrescriptions(db: Sql, principal: Principal, patientId: string, q: ListQuery) {
  if (principal.role === 'patient' && principal.sub !== patientId) throw notFound('Patient')
  const scope = principal.role === 'practitioner' ? { prescriber_id: principal.sub } : {}
  const { rows, total } = await listPrescriptions(db, {
    patient_id: patientId,
    ...scope,
    ...(q.status ? { status: q.status } : {}),
    limit: q.limit,
    offset: q.offset,
  })
  // A practitioner who never prescribed for this patient learns nothing, not even that the patient exists.
  if (principal.role === 'practitioner' && total === 0) {
    const prescribed =
      q.status || q.offset ? (await listPrescriptions(db, { patient_id: patientId, ...scope, limit: 1, offset: 0 })).total : 0
    if (prescribed === 0) throw notFound('Patient')
  }
  const history = await historyOf(
    db,
    rows.map((r) => r.prescription_id),
  )
  return { prescriptions: rows.map((r) => toListItem(r, history.get(r.prescription_id) ?? [])), total, limit: q.limit, offset: q.offset }
}

/**
 * One prescription with its history, by the list's rule: the patient's own, a practitioner's when they
 * prescribed it, any for pharmacy staff; anyone else (and an unknown id) gets a 404.
 */
export async function readPrescription(db: Sql, principal: Principal, id: string) {
  const p = await findPrescription(db, id)
  const visible =
    p &&
    (principal.role === 'patient' ? p.patient_id === principal.sub : principal.role !== 'practitioner' || p.prescriber_id === principal.sub)
  if (!p || !visible) throw notFound('Prescription')
  return toListItem(p, (await historyOf(db, [id])).get(id) ?? [])
}

/** The pharmacist's queue: prescriptions waiting for verification by priority (high-severity findings, controlled substances) then age, with notes and findings. */
export async function reviewQueue(db: Sql, q: { limit: number; offset: number }) {
  const { rows, total } = await listPrescriptions(db, { status: 'in_review', limit: q.limit, offset: q.offset, oldest_first: true })
  return {
    prescriptions: rows.map((r) => ({
      ...toListItem(r, []),
      channel: r.channel,
      dea_schedule: r.dea_schedule,
      drug_confirmed: r.drug_confirmed,
      review_notes: r.review_notes,
      source: {
        message_id: r.source_message_id,
        fhir_id: r.source_fhir_id,
        ndc: r.source_ndc,
        rxnorm: r.source_rxnorm,
        drug_text: r.source_drug_text,
        prescriber_npi: r.prescriber_npi,
      },
    })),
    total,
  }
}

function toListItem(r: PrescriptionRow, history: Array<{ from: string | null; to: string; reason: string | null; at: string }>) {
  return {
    prescription_id: r.prescription_id,
    status: r.status,
    patient_id: r.patient_id,
    drug_id: r.drug_id,
    drug_resolution: r.drug_resolution,
    prescriber_id: r.prescriber_id,
    dosage: r.dosage,
    quantity: r.quantity,
    refill_count: r.refill_count,
    refills_remaining: r.refills_remaining,
    issue_date: r.issue_date,
    expiry_date: r.expiry_date,
    channel: r.channel,
    days_supply: r.days_supply,
    findings: r.findings,
    override_reason: r.override_reason,
    reviewed_at: r.reviewed_at,
    created_at: r.created_at,
    updated_at: r.updated_at,
    history: history.map((h) => ({ from: h.from, to: h.to, reason: h.reason, at: h.at })),
  }
}
