import type { EventPayload } from '@apotheca/contracts'
import type { HandlerTools, Tx } from '@apotheca/kernel'
import { appendLedger, batchesOfDrug, dispenseUnits, lockStockOfDrugs, unholdUnits } from '../db/batch.repository.ts'
import { linesOf, lockReservation, replaceItems, setStatus, type ReservationRow } from '../db/reservation.repository.ts'
import type { Pick, Shortage } from '../domain/fefo.ts'
import { commitAction, mergePicks, planCommit, type HeldLine } from '../domain/reservation.ts'
import { dates, type InventoryDeps } from './deps.ts'
import { pickView } from './views.ts'
import { releaseHeld } from './release-reservation.ts'

type FulfilmentRequested = EventPayload<'orders.order.fulfilment_requested.v1'>

/**
 * Dispenses an order's reservation when the pharmacy fulfils it: the picked units leave on-hand
 * stock (ledger reason `dispensed`, source the order), and `inventory.reservation.committed.v1`
 * tells delivery what to ship. A second request is a no-op. When the order can no longer be
 * supplied (its hold lapsed, or its batches were blocked since, and no other stock is left), nothing
 * is dispensed, anything still held is released, and `inventory.reservation.commit_failed.v1` lets
 * orders compensate.
 */
export async function commitReservation(
  deps: InventoryDeps,
  evt: FulfilmentRequested,
  transaction: HandlerTools['transaction'],
): Promise<void> {
  await transaction(async (tx) => {
    const r = await lockReservation(tx, evt.reservation_id)
    if (!r) throw new Error(`reservation ${evt.reservation_id} does not exist`)
    if (r.order_id !== evt.order_id) throw new Error(`reservation ${r.reservation_id} belongs to another order`)
    const action = commitAction(r.status)
    if (action === 'noop') return
    const picks = await dispense(deps, tx, r, action === 'commit', evt.actor_id)
    if ('short' in picks) {
      if (r.status === 'held') await releaseHeld(deps, tx, r, 'unsuppliable')
      await deps.publish(tx, 'inventory.reservation.commit_failed.v1', r.reservation_id, {
        reservation_id: r.reservation_id,
        order_id: r.order_id,
        shortages: picks.short,
      })
      deps.log.warn({ order_id: r.order_id, reservation_id: r.reservation_id }, 'fulfilment cannot be supplied from stock')
      return
    }
    await setStatus(tx, r.reservation_id, 'committed')
    await deps.publish(tx, 'inventory.reservation.committed.v1', r.reservation_id, {
      reservation_id: r.reservation_id,
      order_id: r.order_id,
      patient_id: r.patient_id,
      picks: picks.map(pickView),
    })
    await publishStockLevels(deps, tx, picks, evt.actor_id)
  })
}

async function dispense(
  deps: InventoryDeps,
  tx: Tx,
  r: ReservationRow,
  held: boolean,
  actor: string | null,
): Promise<Pick[] | { short: Shortage[] }> {
  const items = await linesOf(tx, r.reservation_id)
  const batches = await lockStockOfDrugs(tx, [...new Set(items.map((i) => i.drug_id))])
  const locked = new Map(batches.map((b) => [b.batch_id, b]))
  const lines: HeldLine[] = items.map((i) => ({ ...(locked.get(i.batch_id) ?? i), quantity: i.quantity }))
  const plan = planCommit(held, lines, batches, dates(deps).cutoff)
  if (plan.short.length) return { short: plan.short }
  for (const p of plan.unreserve) await must(unholdUnits(tx, p.batch_id, p.quantity), p)
  for (const p of plan.keep) await must(dispenseUnits(tx, p.batch_id, p.quantity, true), p)
  for (const p of plan.fresh) await must(dispenseUnits(tx, p.batch_id, p.quantity, false), p)
  const picks = mergePicks([...plan.keep, ...plan.fresh])
  for (const p of picks) {
    await appendLedger(tx, {
      batch_id: p.batch_id,
      drug_id: p.drug_id,
      quantity_delta: -p.quantity,
      reason: 'dispensed',
      actor,
      source: r.order_id,
    })
  }
  if (!held || plan.unreserve.length) await replaceItems(tx, r.reservation_id, picks)
  return picks
}

/** The batches are locked, so a refused update means the stock rows disagree with the reservation: a bug. */
async function must(result: Promise<unknown>, p: Pick): Promise<void> {
  const ok = await result
  if (ok === null || ok === false) throw new Error(`batch ${p.batch_id} could not give ${p.quantity} units`)
}

/** One `inventory.stock.adjusted.v1` per dispensed batch, with the drug's on-hand total after the commit. */
async function publishStockLevels(deps: InventoryDeps, tx: Tx, picks: Pick[], actor: string | null): Promise<void> {
  const totals = new Map<string, number>()
  for (const p of picks) {
    if (!totals.has(p.drug_id))
      totals.set(
        p.drug_id,
        (await batchesOfDrug(tx, p.drug_id)).reduce((n, b) => n + b.quantity_on_hand, 0),
      )
    await deps.publish(tx, 'inventory.stock.adjusted.v1', p.drug_id, {
      drug_id: p.drug_id,
      batch_number: p.batch_number,
      location_id: p.location_id,
      quantity_delta: -p.quantity,
      reason: 'dispensed',
      quantity_on_hand: totals.get(p.drug_id)!,
      actor_id: actor,
    })
  }
}
