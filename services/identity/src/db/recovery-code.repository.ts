import type { Sql } from '@apotheca/kernel'

/** Replaces an account's recovery codes with new ones (by their hashes). */
export async function replaceRecoveryCodes(tx: Sql, accountId: string, hashes: string[]): Promise<void> {
  await tx.query(/* sql */ `DELETE FROM identity.recovery_codes WHERE account_id = $1`, [accountId])
  for (const h of hashes)
    await tx.query(/* sql */ `INSERT INTO identity.recovery_codes (code_hash, account_id) VALUES ($1, $2)`, [h, accountId])
}

/** Spends an unused code of the account; false when there is none such. */
export async function spendRecoveryCode(tx: Sql, accountId: string, hash: string): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `UPDATE identity.recovery_codes SET used_at = now() WHERE code_hash = $1 AND account_id = $2 AND used_at IS NULL`,
    [hash, accountId],
  )
  return r.rowCount === 1
}

/** How many unused codes the account has left. */
export async function recoveryCodesLeft(db: Sql, accountId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    /* sql */ `SELECT count(*)::int AS n FROM identity.recovery_codes WHERE account_id = $1 AND used_at IS NULL`,
    [accountId],
  )
  return Number(rows[0]?.n ?? 0)
}
