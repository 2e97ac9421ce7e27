import type { Sql } from '@apotheca/kernel'

/** A stored refresh token (only its hash is kept). */
export interface RefreshRow {
  token_hash: string
  family_id: string
  account_id: string
  mfa_at: number | null
  expired: boolean
  used: boolean
  revoked: boolean
}

/** Stores a new refresh token of a family. */
export async function insertRefresh(
  tx: Sql,
  r: { tokenHash: string; familyId: string; accountId: string; mfaAt: number | null; seconds: number },
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO identity.refresh_tokens (token_hash, family_id, account_id, mfa_at, expires_at)
     VALUES ($1, $2, $3, $4, now() + $5::int * interval '1 second')`,
    [r.tokenHash, r.familyId, r.accountId, r.mfaAt, r.seconds],
  )
}

/** The token by its hash, held for this transaction (one rotation at a time). */
export async function lockRefresh(tx: Sql, tokenHash: string): Promise<RefreshRow | null> {
  const { rows } = await tx.query<RefreshRow>(
    /* sql */ `SELECT token_hash, family_id, account_id, mfa_at, expires_at < now() AS expired, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
     FROM identity.refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
    [tokenHash],
  )
  const r = rows[0]
  return r ? { ...r, mfa_at: r.mfa_at === null ? null : Number(r.mfa_at) } : null
}

/** Spends a token: it can never be exchanged again. */
export async function markUsed(tx: Sql, tokenHash: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.refresh_tokens SET used_at = now() WHERE token_hash = $1`, [tokenHash])
}

/** Revokes every token of a family; returns how many were still live. */
export async function revokeFamily(tx: Sql, familyId: string): Promise<number> {
  const r = await tx.query(/* sql */ `UPDATE identity.refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
    familyId,
  ])
  return r.rowCount
}

/** Revokes every refresh token of an account (erasure, sign-out everywhere). */
export async function revokeAccount(tx: Sql, accountId: string): Promise<number> {
  const r = await tx.query(/* sql */ `UPDATE identity.refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [
    accountId,
  ])
  return r.rowCount
}
