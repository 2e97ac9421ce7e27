import type { Sql } from '@apotheca/kernel'

/** One archived object: a checkpointed range of the log, where it went and what it hashed to. */
export interface ArchivedRange {
  from_seq: number
  to_seq: number
  checkpoint_hash: string
  object_key: string
  store: string
  sha256: string
  bytes: number
  archived_at: string
}

const COLUMNS = 'from_seq, to_seq, checkpoint_hash, object_key, store, sha256, bytes, archived_at'

/** A stored range: bigint columns come back as text from PostgreSQL (numbers from PGlite), times as Date or text. */
interface RangeRow extends Omit<ArchivedRange, 'from_seq' | 'to_seq' | 'bytes' | 'archived_at'> {
  from_seq: number | string
  to_seq: number | string
  bytes: number | string
  archived_at: Date | string
}

function toRange(r: RangeRow): ArchivedRange {
  return {
    ...r,
    from_seq: Number(r.from_seq),
    to_seq: Number(r.to_seq),
    bytes: Number(r.bytes),
    archived_at: new Date(r.archived_at).toISOString(),
  }
}

/** Takes the archiver's lock for this transaction if free (one archiver at a time across replicas). */
export async function tryLockArchiver(tx: Sql): Promise<boolean> {
  const { rows } = await tx.query<{ ok: boolean }>(/* sql */ `SELECT pg_try_advisory_xact_lock(hashtext('audit.archive')) AS ok`)
  return rows[0]!.ok === true
}

/** The newest archived range (ranges are contiguous from seq 1). */
export async function lastArchived(db: Sql): Promise<ArchivedRange | null> {
  const { rows } = await db.query<RangeRow>(/* sql */ `SELECT ${COLUMNS} FROM audit.archived_ranges ORDER BY to_seq DESC LIMIT 1`)
  return rows[0] ? toRange(rows[0]) : null
}

export async function insertArchivedRange(tx: Sql, r: Omit<ArchivedRange, 'archived_at'>): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO audit.archived_ranges (from_seq, to_seq, checkpoint_hash, object_key, store, sha256, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.from_seq, r.to_seq, r.checkpoint_hash, r.object_key, r.store, r.sha256, r.bytes],
  )
}

/** Oldest first, after `afterSeq` when given. */
export async function listArchivedRanges(db: Sql, afterSeq: number | null, limit: number): Promise<ArchivedRange[]> {
  const { rows } = await db.query<RangeRow>(
    /* sql */ `SELECT ${COLUMNS} FROM audit.archived_ranges WHERE ($1::bigint IS NULL OR to_seq > $1) ORDER BY to_seq LIMIT $2`,
    [afterSeq, limit],
  )
  return rows.map(toRange)
}
