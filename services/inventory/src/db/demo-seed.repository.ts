import type { Sql } from '@apotheca/kernel'

/** Whether the named demo seed has completed before. */
export async function seedDone(sql: Sql, name: string): Promise<boolean> {
  const { rows } = await sql.query(/* sql */ `SELECT 1 FROM inventory.demo_seeds WHERE name = $1`, [name])
  return rows.length > 0
}

/** Records a completed demo seed (once). */
export async function markSeedDone(sql: Sql, name: string, counts: { drugs: number; batches: number }): Promise<void> {
  await sql.query(/* sql */ `INSERT INTO inventory.demo_seeds (name, drugs, batches) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
    name,
    counts.drugs,
    counts.batches,
  ])
}
