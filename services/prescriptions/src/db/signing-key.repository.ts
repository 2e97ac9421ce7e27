import type { Sql } from '@apotheca/kernel'

/** A stored signing key: public key in SPKI PEM, private key sealed (AES-256-GCM). */
export interface SigningKeyRow {
  key_id: string
  algorithm: string
  public_key: string
  private_key_sealed: string
  created_at: string
}

const COLUMNS = 'key_id, algorithm, public_key, private_key_sealed, created_at'
type Stored = Date | string
const toRow = (r: Omit<SigningKeyRow, 'created_at'> & { created_at: Stored }): SigningKeyRow => ({
  ...r,
  created_at: new Date(r.created_at).toISOString(),
})

/** Serialises key creation across replicas for the rest of the transaction. */
export async function lockSigningKeys(tx: Sql): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('prescriptions.signing_keys'))`)
}

/** The newest key not retired, or null. */
export async function activeSigningKey(db: Sql): Promise<SigningKeyRow | null> {
  const { rows } = await db.query<Omit<SigningKeyRow, 'created_at'> & { created_at: Stored }>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, key_id LIMIT 1`,
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** A key by id (retired ones too: old signatures still verify). */
export async function findSigningKey(db: Sql, keyId: string): Promise<SigningKeyRow | null> {
  const { rows } = await db.query<Omit<SigningKeyRow, 'created_at'> & { created_at: Stored }>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.signing_keys WHERE key_id = $1`,
    [keyId],
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** Every public key, for anyone who wants to check a signature. */
export async function publicKeys(db: Sql): Promise<Array<Omit<SigningKeyRow, 'private_key_sealed'> & { retired_at: string | null }>> {
  const { rows } = await db.query<{ key_id: string; algorithm: string; public_key: string; created_at: Stored; retired_at: Stored | null }>(
    /* sql */ `SELECT key_id, algorithm, public_key, created_at, retired_at FROM prescriptions.signing_keys ORDER BY created_at`,
  )
  return rows.map((r) => ({
    ...r,
    created_at: new Date(r.created_at).toISOString(),
    retired_at: r.retired_at ? new Date(r.retired_at).toISOString() : null,
  }))
}

/** Stores a new key pair. */
export async function insertSigningKey(tx: Sql, k: Omit<SigningKeyRow, 'created_at'>): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO prescriptions.signing_keys (key_id, algorithm, public_key, private_key_sealed) VALUES ($1, $2, $3, $4)`,
    [k.key_id, k.algorithm, k.public_key, k.private_key_sealed],
  )
}
