import type { PrescriptionStatus } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'
import type { Channel, DrugResolution, PrescriptionDraft } from '../domain/intake.ts'
import type { DeaSchedule } from '../domain/prescription-rules.ts'
import type { Finding } from '../domain/findings.ts'

/** A prescription as stored, dates as ISO strings. */
export interface PrescriptionRow {
  prescription_id: string
  patient_id: string | null
  drug_id: string | null
  prescriber_id: string | null
  submitted_by: string | null
  dosage: string | null
  quantity: number | null
  refill_count: number
  refills_remaining: number
  issue_date: string | null
  expiry_date: string | null
  dea_schedule: DeaSchedule | null
  drug_confirmed: boolean
  drug_resolution: DrugResolution | null
  status: PrescriptionStatus
  channel: Channel
  source_message_id: string | null
  source_order_number: string | null
  source_fhir_id: string | null
  source_ndc: string | null
  source_rxnorm: string | null
  source_drug_text: string | null
  prescriber_npi: string | null
  prescriber_ref: string | null
  review_notes: string[]
  findings: Finding[]
  days_supply: number | null
  ingredients: string[] | null
  atc_codes: string[] | null
  override_reason: string | null
  reviewed_at: string | null
  signature: string | null
  signing_key_id: string | null
  verified_by: string | null
  verified_at: string | null
  created_at: string
  updated_at: string
  version: number
}

/** One line of a prescription's history. */
export interface HistoryRow {
  prescription_id: string
  from: PrescriptionStatus | null
  to: PrescriptionStatus
  reason: string | null
  actor: string | null
  at: string
}

const COLUMNS = /* sql */ `prescription_id, patient_id, drug_id, prescriber_id, submitted_by, dosage, quantity, refill_count, refills_remaining,
  issue_date::text AS issue_date, expiry_date::text AS expiry_date, dea_schedule, drug_confirmed, drug_resolution, status, channel,
  source_message_id, source_order_number, source_fhir_id, source_ndc, source_rxnorm, source_drug_text, prescriber_npi, prescriber_ref,
  review_notes, findings, days_supply, ingredients, atc_codes, override_reason, reviewed_at, signature, signing_key_id, verified_by, verified_at, created_at, updated_at, version`

/** A timestamptz as the driver gives it (a Date; text on some paths). */
type Stored = Date | string

const iso = (v: Stored | null | undefined) => (v === null || v === undefined ? null : new Date(v).toISOString())

/** A prescription row as the driver returns it: times as timestamptz, arrays and JSON possibly null. */
interface StoredPrescription extends Omit<
  PrescriptionRow,
  'review_notes' | 'findings' | 'verified_at' | 'reviewed_at' | 'created_at' | 'updated_at'
> {
  review_notes: string[] | null
  findings: Finding[] | null
  verified_at: Stored | null
  reviewed_at: Stored | null
  created_at: Stored
  updated_at: Stored
}

function toRow(r: StoredPrescription): PrescriptionRow {
  return {
    ...r,
    review_notes: r.review_notes ?? [],
    findings: r.findings ?? [],
    verified_at: iso(r.verified_at),
    reviewed_at: iso(r.reviewed_at),
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  }
}

/** Inserts a new prescription in status `received`. */
export async function insertPrescription(tx: Sql, id: string, d: PrescriptionDraft): Promise<PrescriptionRow> {
  const s = d.source
  const { rows } = await tx.query<StoredPrescription>(
    /* sql */ `INSERT INTO prescriptions.prescriptions (prescription_id, patient_id, drug_id, prescriber_id, submitted_by, dosage, quantity,
       refill_count, refills_remaining, issue_date, expiry_date, dea_schedule, drug_confirmed, status, channel, source_message_id,
       source_order_number, source_fhir_id, source_ndc, source_rxnorm, source_drug_text, prescriber_npi, prescriber_ref, review_notes, days_supply, drug_resolution)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, 'received', $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
     RETURNING ${COLUMNS}`,
    [
      id,
      d.patient_id,
      d.drug_id,
      d.prescriber_id,
      d.submitted_by,
      d.dosage,
      d.quantity,
      d.refill_count,
      d.issue_date,
      d.expiry_date,
      d.dea_schedule,
      d.drug_confirmed,
      d.channel,
      s.message_id ?? null,
      s.order_number ?? null,
      s.fhir_id ?? null,
      s.ndc ?? null,
      s.rxnorm ?? null,
      s.drug_text ?? null,
      s.prescriber_npi ?? null,
      s.prescriber_ref ?? null,
      d.notes,
      d.days_supply ?? null,
      d.drug_resolution,
    ],
  )
  return toRow(rows[0]!)
}

/** Appends a line to the history (from = to for a note that changes no status). */
export async function insertHistory(tx: Sql, h: Omit<HistoryRow, 'at'>): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO prescriptions.status_history (prescription_id, from_status, to_status, reason, actor) VALUES ($1, $2, $3, $4, $5)`,
    [h.prescription_id, h.from, h.to, h.reason, h.actor],
  )
}

/** Columns a status change may set with it. */
export type StatusSet = Partial<
  Pick<
    PrescriptionRow,
    | 'signature'
    | 'signing_key_id'
    | 'verified_by'
    | 'verified_at'
    | 'drug_id'
    | 'dea_schedule'
    | 'drug_confirmed'
    | 'drug_resolution'
    | 'findings'
    | 'ingredients'
    | 'atc_codes'
    | 'override_reason'
    | 'reviewed_at'
  >
>

/** Moves a prescription to a status, bumping its version; extra columns (signature…) may be set with it. */
export async function updateStatus(tx: Sql, id: string, status: PrescriptionStatus, set: StatusSet = {}): Promise<PrescriptionRow> {
  const cols = Object.keys(set).filter((c) => (set as Record<string, unknown>)[c] !== undefined) as Array<keyof typeof set>
  const extra = cols.map((c, i) => `, ${c} = $${i + 3}${c === 'findings' ? '::jsonb' : ''}`).join('')
  const { rows } = await tx.query<StoredPrescription>(
    /* sql */ `UPDATE prescriptions.prescriptions SET status = $2, updated_at = now(), version = version + 1${extra}
     WHERE prescription_id = $1 RETURNING ${COLUMNS}`,
    [id, status, ...cols.map((c) => (c === 'findings' ? JSON.stringify(set[c]) : set[c]))],
  )
  return toRow(rows[0]!)
}

/** A prescription by id, or null. */
export async function findPrescription(db: Sql, id: string): Promise<PrescriptionRow | null> {
  const { rows } = await db.query<StoredPrescription>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions WHERE prescription_id = $1`,
    [id],
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** The same, locked for the rest of the transaction. */
export async function lockPrescription(tx: Sql, id: string): Promise<PrescriptionRow | null> {
  const { rows } = await tx.query<StoredPrescription>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions WHERE prescription_id = $1 FOR UPDATE`,
    [id],
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** The prescription an NCPDP message already created, if any. */
export async function findByNcpdpMessage(db: Sql, messageId: string): Promise<PrescriptionRow | null> {
  const { rows } = await db.query<StoredPrescription>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions WHERE channel = 'ncpdp' AND source_message_id = $1`,
    [messageId],
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** Filters of a list: whose, by whom, in which status, which page. */
export interface ListFilter {
  patient_id?: string
  prescriber_id?: string
  status?: PrescriptionStatus
  limit: number
  offset: number
  oldest_first?: boolean
}

/** A page of prescriptions and how many match in all. */
export async function listPrescriptions(db: Sql, f: ListFilter): Promise<{ rows: PrescriptionRow[]; total: number }> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, v: unknown) => {
    params.push(v)
    where.push(sql.replace('?', `$${params.length}`))
  }
  if (f.patient_id) add('patient_id = ?', f.patient_id)
  if (f.prescriber_id) add('prescriber_id = ?', f.prescriber_id)
  if (f.status) add('status = ?', f.status)
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : ''
  // The queue: serious findings first, then controlled substances, then the oldest.
  const order = f.oldest_first
    ? `(findings @> '[{"severity":"high"}]'::jsonb) DESC, (dea_schedule IS NOT NULL) DESC, created_at, prescription_id`
    : 'created_at DESC, prescription_id'
  const [page, count] = [
    await db.query<StoredPrescription>(
      /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions ${cond} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    ),
    await db.query<{ n: number }>(/* sql */ `SELECT count(*)::int AS n FROM prescriptions.prescriptions ${cond}`, params),
  ]
  return { rows: page.rows.map(toRow), total: count.rows[0]?.n ?? 0 }
}

/** The history of these prescriptions, oldest first, by prescription id. */
export async function historyOf(db: Sql, ids: string[]): Promise<Map<string, HistoryRow[]>> {
  const out = new Map<string, HistoryRow[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return out
  const { rows } = await db.query<{
    prescription_id: string
    from_status: PrescriptionStatus | null
    to_status: PrescriptionStatus
    reason: string | null
    actor: string | null
    at: Stored
  }>(
    /* sql */ `SELECT prescription_id, from_status, to_status, reason, actor, at FROM prescriptions.status_history
     WHERE prescription_id = ANY($1::uuid[]) ORDER BY id`,
    [ids],
  )
  for (const r of rows)
    out
      .get(r.prescription_id)
      ?.push({ prescription_id: r.prescription_id, from: r.from_status, to: r.to_status, reason: r.reason, actor: r.actor, at: iso(r.at)! })
  return out
}

/** Ids of prescriptions still open (in review or verified) whose expiry date has passed. */
export async function findLapsed(db: Sql, today: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ prescription_id: string }>(
    /* sql */ `SELECT prescription_id FROM prescriptions.prescriptions
     WHERE status IN ('in_review', 'verified') AND expiry_date < $1::date ORDER BY expiry_date LIMIT $2`,
    [today, limit],
  )
  return rows.map((r) => r.prescription_id)
}

/** Statuses of a prescription in force (until its expiry date): what the patient takes or is about to. */
export const IN_FORCE = ['received', 'validating', 'in_review', 'verified'] as const

/**
 * A patient's medicines, newest first: prescriptions in force with a drug (not past their expiry) and
 * medication history (inactive). DUR compares a new prescription with them, and other services read
 * them (GET /internal/patients/{id}/medications): one query, so both see the same medicines.
 */
export async function patientMedicines(
  db: Sql,
  patientId: string,
  o: { exceptId?: string; today: string; limit: number },
): Promise<PrescriptionRow[]> {
  const { rows } = await db.query<StoredPrescription>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions
     WHERE patient_id = $1 AND ($2::uuid IS NULL OR prescription_id <> $2::uuid) AND drug_id IS NOT NULL
       AND (status = 'inactive' OR (status = ANY($3::text[]) AND (expiry_date IS NULL OR expiry_date >= $4::date)))
     ORDER BY created_at DESC LIMIT $5`,
    [patientId, o.exceptId ?? null, IN_FORCE, o.today, o.limit],
  )
  return rows.map(toRow)
}

/** Every practitioner (account id) who ever prescribed for the patient, whatever became of the prescription. */
export async function prescribersOf(db: Sql, patientId: string): Promise<string[]> {
  const { rows } = await db.query<{ prescriber_id: string }>(
    /* sql */ `SELECT DISTINCT prescriber_id FROM prescriptions.prescriptions
     WHERE patient_id = $1 AND prescriber_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' ORDER BY prescriber_id`,
    [patientId],
  )
  return rows.map((r) => r.prescriber_id.toLowerCase())
}

/**
 * The prescriptions an NCPDP message refers to: by RelatesToMessageID (the NewRx, or a renewal request
 * we sent, recorded in ncpdp_messages), else by PrescriberOrderNumber. More than one means ambiguous.
 */
export async function findByNcpdpReference(
  db: Sql,
  ref: { relates_to: string | null; order_number: string | null },
): Promise<PrescriptionRow[]> {
  if (!ref.relates_to && !ref.order_number) return []
  const { rows } = await db.query<StoredPrescription>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions p
     WHERE (p.channel = 'ncpdp' AND p.source_message_id = $1::text)
        OR p.prescription_id = (SELECT m.prescription_id FROM prescriptions.ncpdp_messages m WHERE m.message_id = $1::text)
        OR ($2::text IS NOT NULL AND p.source_order_number = $2::text)
     LIMIT 3`,
    [ref.relates_to, ref.order_number],
  )
  return rows.map(toRow)
}

/** Open prescriptions of a prescriber (by NPI) for a drug (by NDC as sent): how a CancelRx without references is matched. */
export async function findOpenByNpiAndNdc(db: Sql, npi: string, ndc: string): Promise<PrescriptionRow[]> {
  const { rows } = await db.query<StoredPrescription>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.prescriptions
     WHERE prescriber_npi = $1 AND source_ndc = $2 AND status IN ('received', 'validating', 'in_review', 'verified') LIMIT 3`,
    [npi, ndc],
  )
  return rows.map(toRow)
}

/** What a pharmacist transcribes from an uploaded (or incomplete) prescription. */
export interface Transcription {
  drug_id: string
  dea_schedule: DeaSchedule | null
  drug_confirmed: boolean
  dosage: string
  quantity: number
  refill_count: number
  issue_date: string
  expiry_date: string
  days_supply: number | null
  prescriber_id: string | null
}

/** Writes a transcription over the prescription's fields (its review starts again). */
export async function updateTranscription(tx: Sql, id: string, t: Transcription): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE prescriptions.prescriptions SET drug_id = $2, dea_schedule = $3, drug_confirmed = $4, dosage = $5, quantity = $6,
       refill_count = $7, refills_remaining = $7, issue_date = $8, expiry_date = $9, days_supply = $10, prescriber_id = coalesce($11, prescriber_id), drug_resolution = 'drug_id',
       ingredients = NULL, atc_codes = NULL, findings = '[]'::jsonb
     WHERE prescription_id = $1`,
    [
      id,
      t.drug_id,
      t.dea_schedule,
      t.drug_confirmed,
      t.dosage,
      t.quantity,
      t.refill_count,
      t.issue_date,
      t.expiry_date,
      t.days_supply,
      t.prescriber_id,
    ],
  )
}
