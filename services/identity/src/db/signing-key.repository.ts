import type { Sql } from '@apotheca/kernel'

/** A stored token-signing key; the private half sealed. */
export interface SigningKeyRow {
  kid: string
  alg: string
  public_jwk: Record<string, unknown>
  private_jwk_sealed: string
  /** From when it signs; until then it is only published. */
  activates_at: string
}

/** Keys in service (published), latest activation first. */
export async function activeSigningKeys(db: Sql): Promise<SigningKeyRow[]> {
  const { rows } = await db.query<SigningKeyRow>(
    /* sql */ `SELECT kid, alg, public_jwk, private_jwk_sealed, activates_at FROM identity.signing_keys WHERE retired_at IS NULL ORDER BY activates_at DESC, kid`,
  )
  return rows.map((r) => ({ ...r, activates_at: new Date(r.activates_at).toISOString() }))
}

/** Takes keys out of service: they leave the JWKS, so tokens they signed stop verifying. */
export async function retireSigningKeys(tx: Sql, kids: string[]): Promise<void> {
  if (kids.length)
    await tx.query(/* sql */ `UPDATE identity.signing_keys SET retired_at = now() WHERE kid = ANY($1::text[]) AND retired_at IS NULL`, [
      kids,
    ])
}

/** Serialises key creation between replicas starting together (for this transaction). */
export async function lockSigningKeys(tx: Sql): Promise<void> {
  await tx.query(/* sql */ `SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))`)
}

/** Stores a new signing key. */
export async function insertSigningKey(tx: Sql, k: SigningKeyRow): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO identity.signing_keys (kid, alg, public_jwk, private_jwk_sealed, activates_at) VALUES ($1, $2, $3, $4, $5)`,
    [k.kid, k.alg, JSON.stringify(k.public_jwk), k.private_jwk_sealed, k.activates_at],
  )
}

/** Stores a key's private half sealed anew (master-key rotation). */
export async function resealSigningKey(db: Sql, kid: string, sealed: string): Promise<void> {
  await db.query(/* sql */ `UPDATE identity.signing_keys SET private_jwk_sealed = $2 WHERE kid = $1`, [kid, sealed])
}
