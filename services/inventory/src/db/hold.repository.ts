import type { Database } from '@apotheca/kernel'
import type { BatchStock, Pick } from '../domain/fefo.ts'
import { BATCH_COLUMNS, toBatch, type StoredBatch } from './batch.repository.ts'
import { preparedQuery } from './prepared.ts'

/** SQLSTATE raised by inventory.require_all_held: a batch refused its units, so nothing happened. */
const STOCK_MOVED = 'IV001'

/** One reservation of a group hold: its row, its planned picks and its checked outbox envelope. */
export interface PlannedHold {
  reservation_id: string
  order_id: string
  patient_id: string
  expires_at: string
  picks: Pick[]
  event: { id: string; occurred_at: string; payload: unknown; traceparent: string | null }
}

/** The sellable batches of these drugs as of now, without locks: what a group hold is planned from. */
export async function sellableBatches(db: Database, drugIds: string[], cutoff: string): Promise<BatchStock[]> {
  const { rows } = await preparedQuery<StoredBatch>(
    db,
    'inventory.sellable-batches',
    /* sql */ `SELECT ${BATCH_COLUMNS} FROM inventory.batches
     WHERE drug_id = ANY($1::uuid[]) AND status = 'available' AND expiry_date > $2::date AND quantity_on_hand > quantity_reserved`,
    [drugIds, cutoff],
  )
  return rows.map(toBatch)
}

/**
 * Makes many planned reservations in ONE autocommit statement (group commit): inserts the
 * reservations (an order that already has one drops out: ON CONFLICT DO NOTHING), the lines and
 * outbox rows of those inserted, and only then locks the touched batches (batch_id order, like
 * every writer; FOR NO KEY UPDATE, which foreign-key checks do not wait on) and takes each batch's
 * units with one UPDATE that re-checks status, shelf life and free units on the row's latest
 * version. The hot row is locked only for that UPDATE and the commit. When any batch refuses, the
 * guard raises and nothing happens: null. Otherwise the ids of the reservations made.
 */
export async function holdMany(db: Database, holds: PlannedHold[], cutoff: string): Promise<Set<string> | null> {
  const lines = holds.flatMap((h) => h.picks.map((p) => ({ id: h.reservation_id, ...p })))
  try {
    const { rows } = await preparedQuery<{ made: string[] }>(
      db,
      'inventory.hold-many',
      /* sql */ `WITH made AS (
         INSERT INTO inventory.reservations (reservation_id, order_id, patient_id, status, expires_at)
         SELECT r, o, p, 'held', e FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[]) AS t(r, o, p, e)
         ON CONFLICT (order_id) DO NOTHING
         RETURNING reservation_id
       ), line AS (
         SELECT l.* FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::int[]) AS l(reservation_id, batch_id, drug_id, quantity)
         WHERE l.reservation_id IN (SELECT reservation_id FROM made)
       ), lines AS (
         INSERT INTO inventory.reservation_items (reservation_id, batch_id, drug_id, quantity) SELECT * FROM line RETURNING 1
       ), outbox AS (
         INSERT INTO inventory.outbox (id, type, aggregate_id, occurred_at, payload, traceparent)
         SELECT e.id, 'inventory.reservation.created.v1', e.r::text, e.at, e.payload::jsonb, e.tp
         FROM unnest($1::uuid[], $9::uuid[], $10::timestamptz[], $11::text[], $12::text[]) AS e(r, id, at, payload, tp)
         WHERE e.r IN (SELECT reservation_id FROM made)
         RETURNING 1
       ), written AS (
         SELECT (SELECT count(*) FROM lines) + (SELECT count(*) FROM outbox) AS n
       ), take AS (
         SELECT batch_id, sum(quantity)::int AS quantity FROM line GROUP BY batch_id
       ), locked AS (
         SELECT b.batch_id FROM inventory.batches b
         WHERE b.batch_id IN (SELECT batch_id FROM take) AND (SELECT n FROM written) > 0 ORDER BY b.batch_id FOR NO KEY UPDATE
       ), held AS (
         UPDATE inventory.batches b SET quantity_reserved = b.quantity_reserved + t.quantity, version = b.version + 1, updated_at = now()
         FROM take t JOIN locked l USING (batch_id)
         WHERE b.batch_id = t.batch_id AND b.status = 'available' AND b.expiry_date > $13::date AND b.quantity_on_hand - b.quantity_reserved >= t.quantity
         RETURNING 1
       )
       SELECT inventory.require_all_held((SELECT count(*) FROM held) = (SELECT count(*) FROM take)) AS ok,
         ARRAY(SELECT reservation_id::text FROM made) AS made`,
      [
        holds.map((h) => h.reservation_id),
        holds.map((h) => h.order_id),
        holds.map((h) => h.patient_id),
        holds.map((h) => h.expires_at),
        lines.map((l) => l.id),
        lines.map((l) => l.batch_id),
        lines.map((l) => l.drug_id),
        lines.map((l) => l.quantity),
        holds.map((h) => h.event.id),
        holds.map((h) => h.event.occurred_at),
        holds.map((h) => JSON.stringify(h.event.payload)),
        holds.map((h) => h.event.traceparent),
        cutoff,
      ],
    )
    return new Set(rows[0]!.made)
  } catch (err) {
    if ((err as { code?: string }).code === STOCK_MOVED) return null
    throw err
  }
}
