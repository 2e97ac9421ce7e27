import type { Sql } from '@apotheca/kernel'

/** A drug as inventory remembers it from the catalog. */
export interface KnownDrug {
  drug_id: string
  dea_schedule: string | null
}

/** The drug if inventory has learnt of it before; null when the catalog must be asked. */
export async function knownDrug(sql: Sql, drugId: string): Promise<KnownDrug | null> {
  const { rows } = await sql.query<KnownDrug>(/* sql */ `SELECT drug_id, dea_schedule FROM inventory.drugs WHERE drug_id = $1`, [drugId])
  return rows[0] ?? null
}

/** Remembers a drug the catalog confirmed (a concurrent first sight is harmless). */
export async function rememberDrug(sql: Sql, d: KnownDrug): Promise<void> {
  await sql.query(
    /* sql */ `INSERT INTO inventory.drugs (drug_id, dea_schedule) VALUES ($1, $2) ON CONFLICT (drug_id) DO UPDATE SET dea_schedule = EXCLUDED.dea_schedule`,
    [d.drug_id, d.dea_schedule],
  )
}
