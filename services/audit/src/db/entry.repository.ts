import type { Sql } from '@apotheca/kernel'
import type { ChainedFields } from '../domain/chain.ts'

export type EntryRow = ChainedFields & { hash: string; recorded_at: string }

const COLUMNS = 'seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash, hash, recorded_at'

/** A stored entry: seq is a bigint (text from PostgreSQL), the times timestamptz. */
interface StoredEntry extends Omit<EntryRow, 'seq' | 'occurred_at' | 'recorded_at'> {
  seq: number | string
  occurred_at: Date | string
  recorded_at: Date | string
}

function toEntry(r: StoredEntry): EntryRow {
  return {
    ...r,
    seq: Number(r.seq),
    occurred_at: new Date(r.occurred_at).toISOString(),
    recorded_at: new Date(r.recorded_at).toISOString(),
  }
}

/** Takes the chain's append lock for this transaction and returns its head. */
export async function lockHead(tx: Sql): Promise<{ seq: number; hash: string } | null> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('audit.entries'))`)
  const { rows } = await tx.query<{ seq: number | string; hash: string }>(
    /* sql */ `SELECT seq, hash FROM audit.entries ORDER BY seq DESC LIMIT 1`,
  )
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null
}

export async function insertEntry(tx: Sql, e: ChainedFields & { hash: string }): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO audit.entries (seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.seq,
      e.event_id,
      e.event_type,
      e.resource_id,
      e.resource_ids,
      e.actor,
      e.occurred_at,
      JSON.stringify(e.details),
      e.prev_hash,
      e.hash,
    ],
  )
}

export async function findByResource(db: Sql, resourceId: string, limit: number): Promise<EntryRow[]> {
  const { rows } = await db.query<StoredEntry>(
    /* sql */ `SELECT ${COLUMNS} FROM audit.entries WHERE $1 = ANY(resource_ids) ORDER BY seq LIMIT $2`,
    [resourceId, limit],
  )
  return rows.map(toEntry)
}

/** Entries in chain order, a page at a time (for verification of long chains). */
export async function pageFrom(db: Sql, afterSeq: number, limit: number): Promise<EntryRow[]> {
  const { rows } = await db.query<StoredEntry>(/* sql */ `SELECT ${COLUMNS} FROM audit.entries WHERE seq > $1 ORDER BY seq LIMIT $2`, [
    afterSeq,
    limit,
  ])
  return rows.map(toEntry)
}

/** Entries with seq from `fromSeq` to `toSeq`, both included, in chain order. */
export async function entriesBetween(db: Sql, fromSeq: number, toSeq: number): Promise<EntryRow[]> {
  const { rows } = await db.query<StoredEntry>(/* sql */ `SELECT ${COLUMNS} FROM audit.entries WHERE seq BETWEEN $1 AND $2 ORDER BY seq`, [
    fromSeq,
    toSeq,
  ])
  return rows.map(toEntry)
}

export async function entryByEventId(db: Sql, eventId: string): Promise<EntryRow | null> {
  const { rows } = await db.query<StoredEntry>(/* sql */ `SELECT ${COLUMNS} FROM audit.entries WHERE event_id = $1`, [eventId])
  return rows[0] ? toEntry(rows[0]) : null
}

export async function entryBySeq(db: Sql, seq: number): Promise<EntryRow | null> {
  const { rows } = await db.query<StoredEntry>(/* sql */ `SELECT ${COLUMNS} FROM audit.entries WHERE seq = $1`, [seq])
  return rows[0] ? toEntry(rows[0]) : null
}

/** The seq of the newest entry (0 for an empty log). */
export async function headSeq(db: Sql): Promise<number> {
  const { rows } = await db.query<{ seq: number | string | null }>(/* sql */ `SELECT max(seq) AS seq FROM audit.entries`)
  return Number(rows[0]?.seq ?? 0)
}
