import type { Sql } from '@apotheca/kernel'
import type { AdjustmentBody } from '../application/adjust-stock.ts'

/** A pending count of a controlled drug. */
export interface PendingAdjustment {
  adjustment_id: string
  drug_id: string
  body: AdjustmentBody
  requested_by: string
  status: 'pending' | 'confirmed'
}

/** Records a count that waits for a second person. */
export async function insertPending(
  sql: Sql,
  p: { adjustment_id: string; drug_id: string; body: unknown; requested_by: string },
): Promise<void> {
  await sql.query(
    /* sql */ `INSERT INTO inventory.pending_adjustments (adjustment_id, drug_id, body, requested_by, status) VALUES ($1, $2, $3, $4, 'pending')`,
    [p.adjustment_id, p.drug_id, JSON.stringify(p.body), p.requested_by],
  )
}

/** Locks a pending adjustment for the rest of the transaction; null when there is none. */
export async function lockPending(tx: Sql, adjustmentId: string): Promise<PendingAdjustment | null> {
  const { rows } = await tx.query<PendingAdjustment>(
    /* sql */ `SELECT adjustment_id, drug_id, body, requested_by, status FROM inventory.pending_adjustments WHERE adjustment_id = $1 FOR UPDATE`,
    [adjustmentId],
  )
  return rows[0] ?? null
}

/** Marks a pending adjustment confirmed by a second person. */
export async function markConfirmed(tx: Sql, adjustmentId: string, by: string): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE inventory.pending_adjustments SET status = 'confirmed', confirmed_by = $2, confirmed_at = now() WHERE adjustment_id = $1`,
    [adjustmentId, by],
  )
}

/** A controlled drug's register: every change with the running balance at its location, oldest first. */
export async function registerOf(
  sql: Sql,
  drugId: string,
): Promise<
  Array<{ location_id: string; quantity_delta: number; balance_after: number; reason: string; actor: string | null; at: string }>
> {
  const { rows } = await sql.query<{
    location_id: string
    quantity_delta: number
    balance_after: number
    reason: string
    actor: string | null
    at: Date | string
    batch_number: string
  }>(
    /* sql */ `SELECT r.location_id, r.quantity_delta, r.balance_after, r.reason, r.actor, r.at, b.batch_number
     FROM inventory.controlled_register r JOIN inventory.batches b USING (batch_id) WHERE r.drug_id = $1 ORDER BY r.entry_id`,
    [drugId],
  )
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))
}

/** A controlled drug's balance per location. */
export async function balancesOf(sql: Sql, drugId: string): Promise<Array<{ location_id: string; balance: number }>> {
  const { rows } = await sql.query<{ location_id: string; balance: number }>(
    /* sql */ `SELECT location_id, balance FROM inventory.controlled_balances WHERE drug_id = $1 ORDER BY location_id`,
    [drugId],
  )
  return rows
}
