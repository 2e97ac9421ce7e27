import type { Sql } from '@apotheca/kernel'

/** The location created by the first migration: stock adjusted without a location_id goes here. */
export const DEFAULT_LOCATION_ID = '5f0c3a52-8d1e-4c6b-9a8e-3b7d2e1f4a60'

/** Whether a location exists. */
export async function locationExists(sql: Sql, locationId: string): Promise<boolean> {
  const { rows } = await sql.query(/* sql */ `SELECT 1 FROM inventory.locations WHERE location_id = $1`, [locationId])
  return rows.length > 0
}

/** The default location's id (the one flagged is_default), falling back to the migration's. */
export async function defaultLocationId(sql: Sql): Promise<string> {
  const { rows } = await sql.query<{ location_id: string }>(/* sql */ `SELECT location_id FROM inventory.locations WHERE is_default`)
  return rows[0]?.location_id ?? DEFAULT_LOCATION_ID
}
