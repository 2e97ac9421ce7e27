import { conflict, notFound, type HandlerTools, type Tx } from '@apotheca/kernel'
import { unholdUnits } from '../db/batch.repository.ts'
import { findByOrder, linesOf, lockReservation, setStatus, type ReservationRow } from '../db/reservation.repository.ts'
import { releaseAction } from '../domain/reservation.ts'
import type { InventoryDeps } from './deps.ts'
import { reservationView } from './views.ts'

/**
 * Gives a locked, held reservation's units back to their batches (in batch_id order, like every
 * writer) and publishes `inventory.reservation.released.v1`.
 */
export async function releaseHeld(deps: InventoryDeps, tx: Tx, r: ReservationRow, reason: string): Promise<void> {
  const lines = (await linesOf(tx, r.reservation_id)).sort((a, b) => a.batch_id.localeCompare(b.batch_id))
  for (const l of lines) {
    if (!(await unholdUnits(tx, l.batch_id, l.quantity)))
      throw new Error(`batch ${l.batch_id} holds fewer reserved units than reservation ${r.reservation_id}`)
  }
  await setStatus(tx, r.reservation_id, 'released', reason)
  await deps.publish(tx, 'inventory.reservation.released.v1', r.reservation_id, {
    reservation_id: r.reservation_id,
    order_id: r.order_id,
    reason,
  })
}

/** Releases a reservation (checkout's compensation): a released one is a no-op, a committed one a 409. */
export async function releaseReservation(deps: InventoryDeps, reservationId: string, reason: string) {
  return deps.db.transaction(async (tx) => {
    const r = await lockReservation(tx, reservationId)
    if (!r) throw notFound('Reservation')
    const action = releaseAction(r.status)
    if (action === 'conflict')
      throw conflict('reservation-committed', 'The reservation has been dispensed', 'a committed reservation cannot be released')
    if (action === 'release') await releaseHeld(deps, tx, r, reason)
    return reservationView({ ...r, status: action === 'release' ? 'released' : r.status }, await linesOf(tx, r.reservation_id))
  })
}

/** Releases an order's held reservation, if it has one (a cancelled order); anything else is left alone. */
export async function releaseOrderReservation(
  deps: InventoryDeps,
  orderId: string,
  reason: string,
  transaction: HandlerTools['transaction'],
): Promise<boolean> {
  const released = await transaction(async (tx) => {
    const found = await findByOrder(tx, orderId)
    const r = found && (await lockReservation(tx, found.reservation_id))
    if (!r || releaseAction(r.status) !== 'release') return false
    await releaseHeld(deps, tx, r, reason)
    return true
  })
  return released ?? false
}

/** Releases one reservation if it is still held and its hold ran out before `now` (the expiry job). */
export async function releaseIfLapsed(deps: InventoryDeps, reservationId: string, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const r = await lockReservation(tx, reservationId)
    if (!r || r.status !== 'held' || new Date(r.expires_at) >= now) return false
    await releaseHeld(deps, tx, r, 'hold_expired')
    return true
  })
}
