import type { Sql } from '@apotheca/kernel'

/** A stored key, wrapped by the master key. */
export interface KeyMaterialRow {
  name: string
  wrapped: string
  kek_id: string
}

/** Every stored key. */
export async function keyMaterial(db: Sql): Promise<KeyMaterialRow[]> {
  const { rows } = await db.query<KeyMaterialRow>(/* sql */ `SELECT name, wrapped, kek_id FROM identity.key_material`)
  return rows
}

/** Stores a key unless a replica stored it first (theirs wins: every replica must agree). */
export async function insertKeyMaterial(db: Sql, r: KeyMaterialRow): Promise<void> {
  await db.query(/* sql */ `INSERT INTO identity.key_material (name, wrapped, kek_id) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [
    r.name,
    r.wrapped,
    r.kek_id,
  ])
}

/** Replaces a key's wrapping (same key, new master key). */
export async function rewrapKeyMaterial(db: Sql, r: KeyMaterialRow): Promise<void> {
  await db.query(/* sql */ `UPDATE identity.key_material SET wrapped = $2, kek_id = $3, updated_at = now() WHERE name = $1`, [
    r.name,
    r.wrapped,
    r.kek_id,
  ])
}

/**
 * Up to `limit` accounts after `after` (id order) whose DEK is not wrapped under this KEK, held for this
 * transaction; rows another replica holds are skipped (it is re-wrapping them).
 */
export async function accountsToRewrap(
  tx: Sql,
  kekId: string,
  after: string,
  limit: number,
): Promise<Array<{ account_id: string; wrapped_dek: string }>> {
  const { rows } = await tx.query<{ account_id: string; wrapped_dek: string }>(
    /* sql */ `SELECT account_id, wrapped_dek FROM identity.accounts
     WHERE wrapped_dek IS NOT NULL AND kek_id IS DISTINCT FROM $1 AND account_id > $2::uuid
     ORDER BY account_id LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [kekId, after, limit],
  )
  return rows
}

/** Stores an account's re-wrapped DEK. */
export async function setWrappedDek(tx: Sql, accountId: string, wrapped: string, kekId: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.accounts SET wrapped_dek = $2, kek_id = $3 WHERE account_id = $1`, [accountId, wrapped, kekId])
}
