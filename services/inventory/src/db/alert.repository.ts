import type { Sql } from '@apotheca/kernel'

/** Sets a drug's reorder point at a location (re-armed: the next dip is announced). */
export async function setReorderPoint(sql: Sql, drugId: string, locationId: string, reorderPoint: number): Promise<void> {
  await sql.query(
    /* sql */ `INSERT INTO inventory.reorder_points (drug_id, location_id, reorder_point) VALUES ($1, $2, $3)
     ON CONFLICT (drug_id, location_id) DO UPDATE SET reorder_point = EXCLUDED.reorder_point, alerted = false, updated_at = now()`,
    [drugId, locationId, reorderPoint],
  )
}

/** Reorder points with the sellable units now at their location, locked (another replica's job skips them). */
export async function lockReorderPoints(
  tx: Sql,
  cutoff: string,
): Promise<Array<{ drug_id: string; location_id: string; reorder_point: number; alerted: boolean; available: number }>> {
  const { rows } = await tx.query<{
    drug_id: string
    location_id: string
    reorder_point: number | string
    alerted: boolean
    available: number | string
  }>(
    /* sql */ `SELECT p.drug_id, p.location_id, p.reorder_point, p.alerted,
       COALESCE((SELECT sum(b.quantity_on_hand - b.quantity_reserved) FROM inventory.batches b
                 WHERE b.drug_id = p.drug_id AND b.location_id = p.location_id AND b.status = 'available' AND b.expiry_date > $1::date), 0)::int AS available
     FROM inventory.reorder_points p ORDER BY p.drug_id, p.location_id FOR UPDATE OF p SKIP LOCKED`,
    [cutoff],
  )
  return rows.map((r) => ({ ...r, reorder_point: Number(r.reorder_point), available: Number(r.available) }))
}

/** Marks a reorder point as announced (true) or re-armed (false). */
export async function markAlerted(tx: Sql, drugId: string, locationId: string, alerted: boolean): Promise<void> {
  await tx.query(/* sql */ `UPDATE inventory.reorder_points SET alerted = $3 WHERE drug_id = $1 AND location_id = $2`, [
    drugId,
    locationId,
    alerted,
  ])
}

/**
 * Records every threshold (90/60/30 days) that batches with stock have newly reached, and returns,
 * per batch, the smallest one newly reached (a batch received 20 days from expiry is announced once, at 30).
 */
export async function newExpiryCrossings(
  tx: Sql,
  today: string,
): Promise<
  Array<{
    drug_id: string
    batch_number: string
    location_id: string
    expiry_date: string
    days_left: number
    threshold_days: number
    quantity_on_hand: number
  }>
> {
  const { rows } = await tx.query<{
    drug_id: string
    batch_number: string
    location_id: string
    expiry_date: string
    days_left: number | string
    threshold_days: number | string
    quantity_on_hand: number | string
  }>(
    /* sql */ `WITH crossed AS (
       INSERT INTO inventory.expiry_alerts (batch_id, threshold_days)
       SELECT b.batch_id, t.days FROM inventory.batches b CROSS JOIN (VALUES (30), (60), (90)) AS t(days)
       WHERE b.quantity_on_hand > 0 AND b.status IN ('available', 'quarantined') AND b.expiry_date > $1::date AND b.expiry_date - $1::date <= t.days
       ON CONFLICT DO NOTHING RETURNING batch_id, threshold_days
     )
     SELECT b.drug_id, b.batch_number, b.location_id, b.expiry_date::text AS expiry_date, (b.expiry_date - $1::date) AS days_left,
       min(c.threshold_days) AS threshold_days, b.quantity_on_hand
     FROM crossed c JOIN inventory.batches b USING (batch_id)
     GROUP BY b.batch_id, b.drug_id, b.batch_number, b.location_id, b.expiry_date, b.quantity_on_hand ORDER BY b.expiry_date, b.batch_id`,
    [today],
  )
  return rows.map((r) => ({
    ...r,
    days_left: Number(r.days_left),
    threshold_days: Number(r.threshold_days),
    quantity_on_hand: Number(r.quantity_on_hand),
  }))
}
