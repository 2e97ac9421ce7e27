import type { Sql } from '@apotheca/kernel'

/** A fill as recorded. */
export interface FillRow { prescription_id: string; order_id: string; fill_number: number; quantity: number; filled_on: string }

/** The fill an order already made of this prescription, or null. */
export async function findFill(db: Sql, prescriptionId: string, orderId: string): Promise<FillRow | null> {
  const { rows } = await db.query<FillRow>(
    /* sql */ `SELECT prescription_id, order_id, fill_number, quantity, filled_on::text AS filled_on FROM prescriptions.fills WHERE prescription_id = $1 AND order_id = $2`,
    [prescriptionId, orderId])
  return rows[0] ?? null
}

/** Fill state of a prescription, read under the caller's lock. */
export async function fillState(tx: Sql, id: string): Promise<{ fills_count: number; last_filled_on: string | null; renewal_requested_at: string | null } | null> {
  const { rows } = await tx.query<any>(
    /* sql */ `SELECT fills_count, last_filled_on::text AS last_filled_on, renewal_requested_at FROM prescriptions.prescriptions WHERE prescription_id = $1`, [id])
  return rows[0] ?? null
}

/** Records a fill and moves the prescription's counters; `renewal` marks that a renewal was asked. */
export async function insertFill(tx: Sql, f: FillRow, refillsRemaining: number, renewal: boolean): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO prescriptions.fills (prescription_id, order_id, fill_number, quantity, filled_on) VALUES ($1, $2, $3, $4, $5)`,
    [f.prescription_id, f.order_id, f.fill_number, f.quantity, f.filled_on])
  await tx.query(
    /* sql */ `UPDATE prescriptions.prescriptions SET refills_remaining = $2, fills_count = $3, last_filled_on = $4, updated_at = now(),
       renewal_requested_at = CASE WHEN $5 THEN now() ELSE renewal_requested_at END WHERE prescription_id = $1`,
    [f.prescription_id, refillsRemaining, f.fill_number, f.filled_on, renewal])
}
