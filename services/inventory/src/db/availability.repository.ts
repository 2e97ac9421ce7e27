import type { Sql } from '@apotheca/kernel'

/** Recomputes every stocked drug's available units (available batches expiring after the cutoff); returns how many drugs. */
export async function refreshAvailability(sql: Sql, cutoff: string): Promise<number> {
  const r = await sql.query(
    /* sql */ `INSERT INTO inventory.availability (drug_id, quantity_available, refreshed_at)
     SELECT drug_id, COALESCE(sum(quantity_on_hand - quantity_reserved) FILTER (WHERE status = 'available' AND expiry_date > $1::date), 0)::int, now()
     FROM inventory.batches GROUP BY drug_id
     ON CONFLICT (drug_id) DO UPDATE SET quantity_available = EXCLUDED.quantity_available, refreshed_at = EXCLUDED.refreshed_at
     WHERE inventory.availability.quantity_available IS DISTINCT FROM EXCLUDED.quantity_available
        OR inventory.availability.refreshed_at < EXCLUDED.refreshed_at`,
    [cutoff],
  )
  return r.rowCount
}

/** The read model's rows for these drugs (drugs never stocked are absent). */
export async function availabilityOf(
  sql: Sql,
  drugIds: string[],
): Promise<Array<{ drug_id: string; quantity_available: number; refreshed_at: string }>> {
  const { rows } = await sql.query<{ drug_id: string; quantity_available: number | string; refreshed_at: Date | string }>(
    /* sql */ `SELECT drug_id, quantity_available, refreshed_at FROM inventory.availability WHERE drug_id = ANY($1::uuid[])`,
    [drugIds],
  )
  return rows.map((r) => ({
    drug_id: r.drug_id,
    quantity_available: Number(r.quantity_available),
    refreshed_at: new Date(r.refreshed_at).toISOString(),
  }))
}
