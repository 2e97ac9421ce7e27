import type { Sql } from '@apotheca/kernel'
import type { Pick } from '../domain/fefo.ts'
import type { HeldLine, ReservationStatus } from '../domain/reservation.ts'

/** A reservation row. */
export interface ReservationRow {
  reservation_id: string
  order_id: string
  patient_id: string
  status: ReservationStatus
  expires_at: string
  created_at: string
}

const COLUMNS = 'reservation_id, order_id, patient_id, status, expires_at, created_at'

type StoredReservation = Omit<ReservationRow, 'expires_at' | 'created_at'> & Record<'expires_at' | 'created_at', Date | string>

const toReservation = (r: StoredReservation): ReservationRow => ({
  ...r,
  expires_at: new Date(r.expires_at).toISOString(),
  created_at: new Date(r.created_at).toISOString(),
})

/** Inserts a held reservation; a second one for the same order is a unique violation. */
export async function insertReservation(
  tx: Sql,
  r: { reservation_id: string; order_id: string; patient_id: string; expires_at: string },
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO inventory.reservations (reservation_id, order_id, patient_id, status, expires_at) VALUES ($1, $2, $3, 'held', $4)`,
    [r.reservation_id, r.order_id, r.patient_id, r.expires_at],
  )
}

/** The reservation of an order, if any (read only). */
export async function findByOrder(sql: Sql, orderId: string): Promise<ReservationRow | null> {
  const { rows } = await sql.query<StoredReservation>(/* sql */ `SELECT ${COLUMNS} FROM inventory.reservations WHERE order_id = $1`, [
    orderId,
  ])
  return rows[0] ? toReservation(rows[0]) : null
}

/** Locks a reservation for the rest of the transaction; null when there is none. */
export async function lockReservation(tx: Sql, reservationId: string): Promise<ReservationRow | null> {
  const { rows } = await tx.query<StoredReservation>(
    /* sql */ `SELECT ${COLUMNS} FROM inventory.reservations WHERE reservation_id = $1 FOR UPDATE`,
    [reservationId],
  )
  return rows[0] ? toReservation(rows[0]) : null
}

/** Records the picks of a reservation. */
export async function insertItems(tx: Sql, reservationId: string, picks: Pick[]): Promise<void> {
  for (const p of picks) {
    await tx.query(
      /* sql */ `INSERT INTO inventory.reservation_items (reservation_id, batch_id, drug_id, quantity) VALUES ($1, $2, $3, $4)`,
      [reservationId, p.batch_id, p.drug_id, p.quantity],
    )
  }
}

/** Replaces the picks of a reservation (a commit that had to pick again). */
export async function replaceItems(tx: Sql, reservationId: string, picks: Pick[]): Promise<void> {
  await tx.query(/* sql */ `DELETE FROM inventory.reservation_items WHERE reservation_id = $1`, [reservationId])
  await insertItems(tx, reservationId, picks)
}

/** A reservation's lines joined with their batches as they are now, soonest expiry first. */
export async function linesOf(sql: Sql, reservationId: string): Promise<HeldLine[]> {
  const { rows } = await sql.query<
    Omit<HeldLine, 'quantity_on_hand' | 'quantity_reserved' | 'quantity'> &
      Record<'quantity_on_hand' | 'quantity_reserved' | 'quantity', number | string>
  >(
    /* sql */ `SELECT b.batch_id, b.drug_id, b.location_id, b.batch_number, b.expiry_date::text AS expiry_date,
       b.quantity_on_hand, b.quantity_reserved, b.status, i.quantity
     FROM inventory.reservation_items i JOIN inventory.batches b ON b.batch_id = i.batch_id
     WHERE i.reservation_id = $1 ORDER BY b.expiry_date, b.batch_number, b.batch_id`,
    [reservationId],
  )
  return rows.map((r) => ({
    ...r,
    quantity_on_hand: Number(r.quantity_on_hand),
    quantity_reserved: Number(r.quantity_reserved),
    quantity: Number(r.quantity),
  }))
}

/** Moves a reservation to released or committed, stamping when and why. */
export async function setStatus(tx: Sql, reservationId: string, status: 'released' | 'committed', reason?: string): Promise<void> {
  await tx.query(
    status === 'released'
      ? /* sql */ `UPDATE inventory.reservations SET status = 'released', released_at = now(), release_reason = $2 WHERE reservation_id = $1`
      : /* sql */ `UPDATE inventory.reservations SET status = 'committed', committed_at = now() WHERE reservation_id = $1`,
    status === 'released' ? [reservationId, reason ?? null] : [reservationId],
  )
}

/** Held reservations whose hold ran out before `now`, oldest first. */
export async function lapsedHolds(sql: Sql, now: string, limit: number): Promise<string[]> {
  const { rows } = await sql.query<{ reservation_id: string }>(
    /* sql */ `SELECT reservation_id FROM inventory.reservations WHERE status = 'held' AND expires_at < $1 ORDER BY expires_at LIMIT $2`,
    [now, limit],
  )
  return rows.map((r) => r.reservation_id)
}
