import type { Sql } from '@apotheca/kernel'

/** A stored reset that can still be used: unused, not voided, not expired. */
export interface LiveReset {
  reset_id: string
  account_id: string
}

/** Voids the account's unused resets (a newer request replaces them); returns how many. */
export async function voidOpenResets(tx: Sql, accountId: string): Promise<number> {
  const r = await tx.query(
    /* sql */ `UPDATE identity.password_resets SET voided_at = now() WHERE account_id = $1 AND used_at IS NULL AND voided_at IS NULL`,
    [accountId],
  )
  return r.rowCount
}

/** Stores a new reset (its token as a hash only); answers its expiry. */
export async function insertReset(tx: Sql, r: { resetId: string; accountId: string; tokenHash: string; seconds: number }): Promise<Date> {
  const { rows } = await tx.query<{ expires_at: Date }>(
    /* sql */ `INSERT INTO identity.password_resets (reset_id, account_id, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + $4::int * interval '1 second') RETURNING expires_at`,
    [r.resetId, r.accountId, r.tokenHash, r.seconds],
  )
  return new Date(rows[0]!.expires_at)
}

/** The live reset with this token hash; `lock` holds it for this transaction (one confirmation at a time). */
export async function findLiveResetByToken(tx: Sql, tokenHash: string, lock = false): Promise<LiveReset | null> {
  const { rows } = await tx.query<LiveReset>(
    /* sql */ `SELECT reset_id, account_id FROM identity.password_resets
     WHERE token_hash = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()${lock ? ' FOR UPDATE' : ''}`,
    [tokenHash],
  )
  return rows[0] ?? null
}

/** The live reset with this id, if any (the e-mail of a replaced or expired reset is not sent). */
export async function findLiveReset(db: Sql, resetId: string): Promise<LiveReset | null> {
  const { rows } = await db.query<LiveReset>(
    /* sql */ `SELECT reset_id, account_id FROM identity.password_resets
     WHERE reset_id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > now()`,
    [resetId],
  )
  return rows[0] ?? null
}

/** Spends a reset: its token never works again. */
export async function markResetUsed(tx: Sql, resetId: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.password_resets SET used_at = now() WHERE reset_id = $1`, [resetId])
}

/** Deletes resets a day past their expiry (their hashes are useless, and they name accounts). */
export async function deleteOldResets(db: Sql): Promise<number> {
  const r = await db.query(/* sql */ `DELETE FROM identity.password_resets WHERE expires_at < now() - interval '1 day'`)
  return r.rowCount
}
