import type { Database } from '@apotheca/kernel'
import type { Pick } from '../domain/fefo.ts'
import { preparedQuery } from './prepared.ts'

/** SQLSTATE raised by inventory.require_all_held: a drug was short or a pick refused, so nothing happened. */
export const STOCK_MOVED = 'IV001'

/** A reservation to make in one statement: its row, what it wants, and its event's envelope fields. */
export interface OneStatementHold {
  reservation_id: string
  order_id: string
  patient_id: string
  expires_at: string
  wanted: Array<{ drug_id: string; quantity: number }>
  cutoff: string
  event: { id: string; occurred_at: string; traceparent: string | null }
}

/**
 * Reserves in ONE autocommit statement: picks first-expiry-first from this statement's snapshot
 * (sellable batches: available, expiring after the cutoff, units free), inserts the reservation,
 * its lines and its `inventory.reservation.created.v1` outbox row, and only then locks the picked
 * batches (batch_id order, like every writer; FOR NO KEY UPDATE, which other reservations'
 * foreign-key checks do not wait on) and takes the units with an UPDATE that re-checks status,
 * shelf life and free units on each row's latest version. The hot row is therefore locked only
 * for that UPDATE and the commit, with no round trip under it. When a drug is short or any pick
 * was refused the guard raises and nothing happens: returns null (the caller takes the locking
 * path, which alone says out-of-stock). Otherwise the picks, in the event's order.
 */
export async function holdInOneStatement(db: Database, h: OneStatementHold): Promise<Pick[] | null> {
  try {
    const { rows } = await preparedQuery<{ picks: Pick[] }>(db, 'inventory.hold-in-one-statement',
      /* sql */ `WITH want AS (
         SELECT * FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS w(drug_id, qty, n)
       ), cand AS (
         SELECT b.batch_id, b.drug_id, b.batch_number, b.expiry_date, b.location_id, b.quantity_on_hand - b.quantity_reserved AS free,
           sum(b.quantity_on_hand - b.quantity_reserved) OVER (PARTITION BY b.drug_id ORDER BY b.expiry_date, b.batch_number, b.batch_id) AS upto
         FROM inventory.batches b
         WHERE b.drug_id = ANY($1::uuid[]) AND b.status = 'available' AND b.expiry_date > $3::date AND b.quantity_on_hand > b.quantity_reserved
       ), pick AS (
         SELECT c.batch_id, c.drug_id, c.batch_number, c.expiry_date::text AS expiry_date, c.location_id,
           LEAST(c.free, w.qty - (c.upto - c.free))::int AS quantity, w.n, c.expiry_date AS expires
         FROM cand c JOIN want w USING (drug_id) WHERE c.upto - c.free < w.qty
       ), short AS (
         SELECT w.drug_id FROM want w LEFT JOIN pick p USING (drug_id) GROUP BY w.drug_id, w.qty HAVING COALESCE(sum(p.quantity), 0) < w.qty
       ), picks AS (
         SELECT COALESCE(jsonb_agg(jsonb_build_object('batch_id', batch_id, 'drug_id', drug_id, 'batch_number', batch_number,
           'expiry_date', expiry_date, 'location_id', location_id, 'quantity', quantity) ORDER BY n, expires, batch_number, batch_id), '[]'::jsonb) AS list
         FROM pick
       ), reservation AS (
         INSERT INTO inventory.reservations (reservation_id, order_id, patient_id, status, expires_at)
         VALUES ($4::uuid, $5::uuid, $6::uuid, 'held', $7::timestamptz) RETURNING 1
       ), lines AS (
         INSERT INTO inventory.reservation_items (reservation_id, batch_id, drug_id, quantity)
         SELECT $4::uuid, batch_id, drug_id, quantity FROM pick RETURNING 1
       ), outbox AS (
         INSERT INTO inventory.outbox (id, type, aggregate_id, occurred_at, payload, traceparent)
         SELECT $8::uuid, 'inventory.reservation.created.v1', $4::text, $9::timestamptz,
           jsonb_build_object('reservation_id', $4::uuid, 'order_id', $5::uuid, 'expires_at', $11::text,
             'picks', (SELECT jsonb_agg(p - 'batch_id') FROM jsonb_array_elements(picks.list) AS p)), $10::text
         FROM picks RETURNING 1
       ), written AS (
         SELECT (SELECT count(*) FROM reservation) + (SELECT count(*) FROM lines) + (SELECT count(*) FROM outbox) AS n
       ), locked AS (
         SELECT b.batch_id FROM inventory.batches b
         WHERE b.batch_id IN (SELECT batch_id FROM pick) AND (SELECT n FROM written) > 0 ORDER BY b.batch_id FOR NO KEY UPDATE
       ), held AS (
         UPDATE inventory.batches b SET quantity_reserved = b.quantity_reserved + p.quantity, version = b.version + 1, updated_at = now()
         FROM pick p JOIN locked l USING (batch_id)
         WHERE b.batch_id = p.batch_id AND b.status = 'available' AND b.expiry_date > $3::date AND b.quantity_on_hand - b.quantity_reserved >= p.quantity
         RETURNING b.batch_id
       )
       SELECT inventory.require_all_held(NOT EXISTS (SELECT 1 FROM short) AND count(*) = (SELECT count(*) FROM pick)) AS ok,
         (SELECT list FROM picks) AS picks
       FROM held`,
      [h.wanted.map((w) => w.drug_id), h.wanted.map((w) => w.quantity), h.cutoff, h.reservation_id, h.order_id, h.patient_id, h.expires_at,
        h.event.id, h.event.occurred_at, h.event.traceparent, h.expires_at])
    return rows[0]!.picks
  } catch (err) {
    if ((err as { code?: string }).code === STOCK_MOVED) return null
    throw err
  }
}
