import type { Sql } from '@apotheca/kernel'
import type { Checkpoint, PublicJwk } from '../domain/checkpoint.ts'

const COLUMNS = 'seq, hash, at, key_id, signature'

/** A stored checkpoint: seq is a bigint (text from PostgreSQL), at a timestamptz. */
interface CheckpointRow extends Omit<Checkpoint, 'seq' | 'at'> {
  seq: number | string
  at: Date | string
}

function toCheckpoint(r: CheckpointRow): Checkpoint {
  return { seq: Number(r.seq), hash: r.hash, at: new Date(r.at).toISOString(), key_id: r.key_id, signature: r.signature }
}

/** Takes the checkpoint signer's lock for this transaction if free (one signer at a time across replicas). */
export async function tryLockSigner(tx: Sql): Promise<boolean> {
  const { rows } = await tx.query<{ ok: boolean }>(/* sql */ `SELECT pg_try_advisory_xact_lock(hashtext('audit.checkpoints')) AS ok`)
  return rows[0]!.ok === true
}

export async function latestCheckpoint(db: Sql): Promise<Checkpoint | null> {
  const { rows } = await db.query<CheckpointRow>(/* sql */ `SELECT ${COLUMNS} FROM audit.checkpoints ORDER BY seq DESC LIMIT 1`)
  return rows[0] ? toCheckpoint(rows[0]) : null
}

/** Stores a checkpoint; false when one at that seq exists already. */
export async function insertCheckpoint(tx: Sql, c: Checkpoint): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `INSERT INTO audit.checkpoints (seq, hash, at, key_id, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq) DO NOTHING`,
    [c.seq, c.hash, c.at, c.key_id, c.signature],
  )
  return r.rowCount === 1
}

/** Newest first, before `beforeSeq` when given. */
export async function listCheckpoints(db: Sql, beforeSeq: number | null, limit: number): Promise<Checkpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    /* sql */ `SELECT ${COLUMNS} FROM audit.checkpoints WHERE ($1::bigint IS NULL OR seq < $1) ORDER BY seq DESC LIMIT $2`,
    [beforeSeq, limit],
  )
  return rows.map(toCheckpoint)
}

/** The first checkpoint that covers the entry at `seq`. */
export async function checkpointCovering(db: Sql, seq: number): Promise<Checkpoint | null> {
  const { rows } = await db.query<CheckpointRow>(
    /* sql */ `SELECT ${COLUMNS} FROM audit.checkpoints WHERE seq >= $1 ORDER BY seq LIMIT 1`,
    [seq],
  )
  return rows[0] ? toCheckpoint(rows[0]) : null
}

export async function checkpointsBetween(db: Sql, fromSeq: number, toSeq: number): Promise<Checkpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    /* sql */ `SELECT ${COLUMNS} FROM audit.checkpoints WHERE seq BETWEEN $1 AND $2 ORDER BY seq`,
    [fromSeq, toSeq],
  )
  return rows.map(toCheckpoint)
}

/** Records a signing key's public half (once). */
export async function registerSigningKey(db: Sql, keyId: string, jwk: PublicJwk): Promise<void> {
  await db.query(/* sql */ `INSERT INTO audit.signing_keys (key_id, public_jwk) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING`, [
    keyId,
    JSON.stringify(jwk),
  ])
}

/** Every key that ever signed checkpoints, oldest first. */
export async function signingKeys(db: Sql): Promise<PublicJwk[]> {
  const { rows } = await db.query<{ public_jwk: PublicJwk }>(
    /* sql */ `SELECT public_jwk FROM audit.signing_keys ORDER BY first_seen_at, key_id`,
  )
  return rows.map((r) => r.public_jwk)
}
