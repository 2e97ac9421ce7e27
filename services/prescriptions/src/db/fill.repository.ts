import type { Sql } from '@apotheca/kernel'

/** A fill as recorded. */
export interface FillRow {
  prescription_id: string
  order_id: string
  fill_number: number
  quantity: number
  filled_on: string
}

/** The fill an order made of this prescription and that stands (not reversed), or null. */
export async function findFill(db: Sql, prescriptionId: string, orderId: string): Promise<FillRow | null> {
  const { rows } = await db.query<FillRow>(
    /* sql */ `SELECT prescription_id, order_id, fill_number, quantity, filled_on::text AS filled_on FROM prescriptions.fills
     WHERE prescription_id = $1 AND order_id = $2 AND reversed_at IS NULL`,
    [prescriptionId, orderId],
  )
  return rows[0] ?? null
}

/** Fill state of a prescription, read under the caller's lock; `next_fill_number` counts reversed fills too. */
export async function fillState(
  tx: Sql,
  id: string,
): Promise<{
  fills_count: number
  last_filled_on: string | null
  renewal_requested_at: Date | string | null
  next_fill_number: number
} | null> {
  const { rows } = await tx.query<{
    fills_count: number
    last_filled_on: string | null
    renewal_requested_at: Date | string | null
    next_fill_number: number
  }>(
    /* sql */ `SELECT fills_count, last_filled_on::text AS last_filled_on, renewal_requested_at,
       (SELECT COALESCE(max(fill_number), 0) + 1 FROM prescriptions.fills f WHERE f.prescription_id = p.prescription_id)::int AS next_fill_number
     FROM prescriptions.prescriptions p WHERE prescription_id = $1`,
    [id],
  )
  return rows[0] ?? null
}

/** The prescriptions an order filled and that stand. */
export async function fillsOfOrder(db: Sql, orderId: string): Promise<FillRow[]> {
  const { rows } = await db.query<FillRow>(
    /* sql */ `SELECT prescription_id, order_id, fill_number, quantity, filled_on::text AS filled_on FROM prescriptions.fills
     WHERE order_id = $1 AND reversed_at IS NULL ORDER BY prescription_id`,
    [orderId],
  )
  return rows
}

/**
 * Reverses an order's fill of a prescription (under the caller's lock of it) and sets the counters
 * from the fills that stand: the first of them is the original fill, each other one used a refill.
 * Returns the refills left after it, or null when there was nothing to reverse.
 */
export async function reverseFill(tx: Sql, prescriptionId: string, orderId: string, reason: string): Promise<number | null> {
  const r = await tx.query(
    /* sql */ `UPDATE prescriptions.fills SET reversed_at = now(), reversal_reason = $3 WHERE prescription_id = $1 AND order_id = $2 AND reversed_at IS NULL`,
    [prescriptionId, orderId, reason],
  )
  if (!r.rowCount) return null
  const { rows } = await tx.query<{ refills_remaining: number }>(
    /* sql */ `UPDATE prescriptions.prescriptions p SET fills_count = s.n, last_filled_on = s.last, updated_at = now(),
       refills_remaining = LEAST(p.refill_count, p.refills_remaining + CASE WHEN s.n >= 1 THEN 1 ELSE 0 END)
     FROM (SELECT count(*)::int AS n, max(filled_on) AS last FROM prescriptions.fills WHERE prescription_id = $1 AND reversed_at IS NULL) s
     WHERE p.prescription_id = $1 RETURNING p.refills_remaining`,
    [prescriptionId],
  )
  return rows[0]!.refills_remaining
}

/** Records a fill and moves the prescription's counters; `renewal` marks that a renewal was asked. */
export async function insertFill(tx: Sql, f: FillRow, refillsRemaining: number, renewal: boolean): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO prescriptions.fills (prescription_id, order_id, fill_number, quantity, filled_on) VALUES ($1, $2, $3, $4, $5)`,
    [f.prescription_id, f.order_id, f.fill_number, f.quantity, f.filled_on],
  )
  await tx.query(
    /* sql */ `UPDATE prescriptions.prescriptions SET refills_remaining = $2, fills_count = fills_count + 1, last_filled_on = $3, updated_at = now(),
       renewal_requested_at = CASE WHEN $4 THEN now() ELSE renewal_requested_at END WHERE prescription_id = $1`,
    [f.prescription_id, refillsRemaining, f.filled_on, renewal],
  )
}
