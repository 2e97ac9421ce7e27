import { MAX_QUANTITY, MAX_REFILLS, checkRules, type DeaSchedule } from './prescription-rules.ts'

/** An e-prescription that is not well-formed (answered 400); `field` says where. */
export class MalformedIntake extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

/** A well-formed message that is not a prescription we take (answered 422). */
export class UnsupportedIntake extends Error {}

/** How a prescription reached us. */
export type Channel = 'structured' | 'fhir' | 'ncpdp' | 'upload'

/** Where an e-prescription came from, as the sender named it (never patient identifiers). */
export interface SourceRefs {
  message_id?: string | null
  order_number?: string | null
  fhir_id?: string | null
  ndc?: string | null
  rxnorm?: string | null
  drug_text?: string | null
  prescriber_npi?: string | null
  prescriber_ref?: string | null
}

/** An order as read from a FHIR MedicationRequest or an NCPDP NewRx, before its drug is looked up. */
export interface ParsedOrder {
  channel: 'fhir' | 'ncpdp'
  patient_id: string | null
  prescriber_id: string | null
  dosage: string | null
  quantity: number | null
  refill_count: number | null
  issue_date: string | null
  expiry_date: string | null
  /** Days the quantity lasts, when given (FHIR expectedSupplyDuration, NCPDP DaysSupply). */
  days_supply?: number | null
  /** Why this is medication history (kept as inactive), or null for a prescription to verify. */
  history: string | null
  /** What a pharmacist must look at before approving (unmatched patient, missing fields…). */
  notes: string[]
  source: SourceRefs
}

/** How a prescription's drug was found in the catalog: named by id, by the NDC of a product, or by an RxNorm concept. */
export type DrugResolution = 'drug_id' | 'ndc' | 'rxcui'

/** What the catalog said about a prescription's drug. */
export type DrugLookup =
  | { kind: 'found'; drug_id: string; dea_schedule: DeaSchedule | null; via: DrugResolution }
  | { kind: 'unknown'; detail: string }
  | { kind: 'unavailable'; drug_id: string | null }
  | { kind: 'uncoded'; detail: string }

/** A prescription ready to be recorded: received → validating → in_review, or received → inactive. */
export interface PrescriptionDraft {
  channel: Channel
  patient_id: string | null
  drug_id: string | null
  prescriber_id: string | null
  submitted_by: string | null
  dosage: string | null
  quantity: number | null
  refill_count: number
  issue_date: string | null
  expiry_date: string | null
  dea_schedule: DeaSchedule | null
  drug_confirmed: boolean
  /** How drug_id was found (null: no drug yet). */
  drug_resolution: DrugResolution | null
  final: 'in_review' | 'inactive'
  /** Days the quantity lasts, when the prescriber said (too-early refills and dose limits use it). */
  days_supply?: number | null
  /** The reason recorded on the last status change. */
  reason: string
  notes: string[]
  source: SourceRefs
}

/** The note a pharmacist sees when the catalog could not be asked about a drug. */
export const CATALOG_UNAVAILABLE_NOTE = 'catalog unavailable: the drug is not confirmed yet (it is checked again at verification)'

/** The in_review reason: a pharmacist must verify, with how many notes need a look. */
export function reviewReason(notes: string[]): string {
  return notes.length
    ? `awaiting pharmacist verification (${notes.length} note${notes.length > 1 ? 's' : ''} to review)`
    : 'awaiting pharmacist verification'
}

/** Turns a parsed e-prescription and its drug lookup into a draft; broken rules become notes, not refusals. */
export function draftFromOrder(order: ParsedOrder, drug: DrugLookup, today: string, submittedBy: string | null): PrescriptionDraft {
  const notes = [...order.notes, ...drugNotes(drug)]
  const found = drug.kind === 'found' ? drug : null
  const quantity =
    order.quantity !== null && Number.isInteger(order.quantity) && order.quantity >= 1 && order.quantity <= MAX_QUANTITY
      ? order.quantity
      : null
  const refills = order.refill_count ?? 0
  const refill_count = Number.isInteger(refills) ? Math.min(Math.max(refills, 0), MAX_REFILLS) : 0
  let expiry = order.expiry_date && order.issue_date && order.expiry_date > order.issue_date ? order.expiry_date : null
  if (!order.history) {
    if (order.quantity === null) notes.push('quantity is missing')
    else if (quantity === null) notes.push(`quantity ${order.quantity} is outside 1..${MAX_QUANTITY}`)
    if (refill_count !== refills) notes.push(`refills ${refills} is outside 0..${MAX_REFILLS}`)
    if (!order.issue_date) notes.push('the written date is missing')
    if (order.issue_date) {
      const r = checkRules(
        { issue_date: order.issue_date, expiry_date: expiry, quantity: quantity ?? 1, refill_count },
        found?.dea_schedule ?? null,
        today,
      )
      expiry = r.expiry_date > order.issue_date ? r.expiry_date : null
      notes.push(...r.violations.filter((v) => v.field !== 'quantity').map((v) => `${v.field}: ${v.message}`))
    }
  }
  return {
    channel: order.channel,
    patient_id: order.patient_id,
    drug_id: found?.drug_id ?? null,
    prescriber_id: order.prescriber_id,
    submitted_by: submittedBy,
    dosage: order.dosage,
    quantity,
    refill_count,
    issue_date: order.issue_date,
    expiry_date: expiry,
    dea_schedule: found?.dea_schedule ?? null,
    drug_confirmed: found !== null,
    drug_resolution: found?.via ?? null,
    final: order.history ? 'inactive' : 'in_review',
    days_supply: validDays(order.days_supply),
    reason: order.history ?? reviewReason(notes),
    notes,
    source: order.source,
  }
}

const validDays = (d: number | null | undefined) => (d && Number.isInteger(d) && d >= 1 && d <= 365 ? d : null)

function drugNotes(drug: DrugLookup): string[] {
  if (drug.kind === 'unknown' || drug.kind === 'uncoded') return [drug.detail]
  if (drug.kind === 'unavailable') return [CATALOG_UNAVAILABLE_NOTE]
  return []
}

/** A structured (JSON) submission, already shape-checked. */
export interface Submission {
  patient_id: string
  drug_id: string
  dosage: string
  quantity: number
  refill_count: number
  issue_date: string
  expiry_date?: string | undefined
  channel: 'structured' | 'upload'
  days_supply?: number | undefined
  prescriber_id: string | null
  submitted_by: string
}

/**
 * A structured submission becomes a draft, or the rules it breaks (answered 422, nothing stored).
 * The drug was found, or the catalog could not be asked: then it goes to the queue unconfirmed.
 */
export function draftFromSubmission(
  s: Submission,
  drug: DrugLookup & { kind: 'found' | 'unavailable' },
  today: string,
): { draft: PrescriptionDraft } | { violations: Array<{ field: string; message: string }> } {
  const schedule = drug.kind === 'found' ? drug.dea_schedule : null
  const r = checkRules(
    { issue_date: s.issue_date, expiry_date: s.expiry_date ?? null, quantity: s.quantity, refill_count: s.refill_count },
    schedule,
    today,
  )
  if (r.violations.length) return { violations: r.violations }
  const notes = drugNotes(drug)
  if (s.channel === 'upload') notes.push("uploaded by the patient: check it against the prescriber's original")
  return {
    draft: {
      channel: s.channel,
      patient_id: s.patient_id,
      drug_id: s.drug_id,
      prescriber_id: s.prescriber_id,
      submitted_by: s.submitted_by,
      dosage: s.dosage,
      quantity: s.quantity,
      refill_count: s.refill_count,
      issue_date: s.issue_date,
      expiry_date: r.expiry_date,
      dea_schedule: schedule,
      drug_confirmed: drug.kind === 'found',
      drug_resolution: 'drug_id',
      final: 'in_review',
      days_supply: s.days_supply ?? null,
      reason: reviewReason(notes),
      notes,
      source: {},
    },
  }
}
