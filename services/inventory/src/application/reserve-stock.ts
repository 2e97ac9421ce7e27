import { Problem, conflict, isUniqueViolation, type Sql, type Tx } from '@apotheca/kernel'
import { holdUnits, lockStockOfDrugs } from '../db/batch.repository.ts'
import { findByOrder, insertItems, insertReservation, linesOf, type ReservationRow } from '../db/reservation.repository.ts'
import { mergeWanted, pickFefo, type Shortage, type Wanted } from '../domain/fefo.ts'
import { dates, type InventoryDeps } from './deps.ts'
import { createdPayload, holdInGroup, newReservationRow, type ReserveInput } from './group-hold.ts'
import { reservationView } from './views.ts'

/** The answer to a reservation request, and whether it made a new one (201) or found the order's (200). */
export interface Reserved {
  created: boolean
  reservation: ReturnType<typeof reservationView>
}

/** The 409 of an order that cannot be supplied in full: nothing was reserved. */
export function outOfStock(short: Shortage[]): Problem {
  const detail = short.map((s) => `${s.drug_id}: ${s.requested} requested, ${s.available} available`).join('; ')
  return conflict('out-of-stock', 'Not enough stock for the order', detail, { drug_ids: short.map((s) => s.drug_id), shortages: short })
}

/**
 * Holds stock for every item of an order, first-expiry-first, or nothing. The same order again
 * answers its existing reservation; two concurrent requests for one order make one reservation.
 * Fast path first: the request joins the next group statement (see holdInGroup). What the group
 * did not make takes the locking path, so a 409 is always said under the batches' locks.
 */
export async function reserveStock(deps: InventoryDeps, req: ReserveInput): Promise<Reserved> {
  try {
    const reservation = (await holdInGroup(deps, req)) ?? (await deps.db.transaction((tx) => reserveInTx(deps, tx, req)))
    return { created: true, reservation }
  } catch (err) {
    const raced = isUniqueViolation(err) ? await findByOrder(deps.db, req.order_id) : null
    if (!raced) throw err
    return { created: false, reservation: await existingFor(deps.db, raced, req.items) }
  }
}

async function reserveInTx(deps: InventoryDeps, tx: Tx, req: ReserveInput) {
  const row = newReservationRow(deps, req)
  // The reservation row first: it claims the order, so a concurrent request for it waits here.
  await insertReservation(tx, row)
  const wanted = mergeWanted(req.items)
  const batches = await lockStockOfDrugs(
    tx,
    wanted.map((w) => w.drug_id),
  )
  const { picks, short } = pickFefo(batches, wanted, dates(deps).cutoff)
  if (short.length) throw outOfStock(short)
  for (const p of picks) {
    if (!(await holdUnits(tx, p.batch_id, p.quantity))) throw outOfStock([{ drug_id: p.drug_id, requested: p.quantity, available: 0 }])
  }
  await insertItems(tx, row.reservation_id, picks)
  await deps.publish(tx, 'inventory.reservation.created.v1', row.reservation_id, createdPayload(row, picks))
  return reservationView(row, picks)
}

/** The order's reservation, refused when the request asks for other items than it holds. */
async function existingFor(sql: Sql, r: ReservationRow, items: Wanted[]) {
  const lines = await linesOf(sql, r.reservation_id)
  const held = new Map(mergeWanted(lines).map((w) => [w.drug_id, w.quantity]))
  const asked = mergeWanted(items)
  if (asked.length !== held.size || asked.some((w) => held.get(w.drug_id) !== w.quantity)) {
    throw conflict(
      'reservation-mismatch',
      'The order already has a reservation for other items',
      `reservation ${r.reservation_id} holds other items`,
    )
  }
  return reservationView(r, lines)
}
