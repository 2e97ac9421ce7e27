import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { ReserveRequest } from '@apotheca/contracts'
import { currentTraceparent, outboxEnvelope } from '@apotheca/kernel'
import { holdMany, sellableBatches, type PlannedHold } from '../db/hold.repository.ts'
import type { ReservationRow } from '../db/reservation.repository.ts'
import { mergeWanted, pickInTurn, type Pick, type Wanted } from '../domain/fefo.ts'
import { dates, type InventoryDeps } from './deps.ts'
import { pickView, reservationView } from './views.ts'

/** A reservation request as the use case takes it. */
export type ReserveInput = z.output<typeof ReserveRequest>

type ReservationView = ReturnType<typeof reservationView>

/** A request waiting for the next group hold: its new row, and how to answer its caller. */
interface Waiting {
  row: ReservationRow
  wanted: Wanted[]
  traceparent: string | null
  answer: (r: ReservationView | null) => void
  fail: (err: unknown) => void
}

/** Requests per statement: enough to cover every client of a busy process, small enough to plan fast. */
const MAX_GROUP = 128

/** A new held reservation row for a request, timed by the deps' clock. */
export function newReservationRow(deps: InventoryDeps, req: ReserveInput): ReservationRow {
  const now = deps.clock()
  return {
    reservation_id: randomUUID(),
    order_id: req.order_id,
    patient_id: req.patient_id,
    status: 'held',
    expires_at: new Date(now.getTime() + req.hold_minutes * 60_000).toISOString(),
    created_at: now.toISOString(),
  }
}

/** The payload of `inventory.reservation.created.v1`. */
export const createdPayload = (row: ReservationRow, picks: Pick[]) => ({
  reservation_id: row.reservation_id,
  order_id: row.order_id,
  picks: picks.map(pickView),
  expires_at: row.expires_at,
})

/**
 * Group commit of reservations: requests that arrive while a group is in the database wait, and
 * the next group takes up to MAX_GROUP of them into one statement (holdMany). One queue per deps
 * (so per database, clock and publisher), one group in flight at a time: its plan is then never
 * stale because of this process's own reservations (two at once measured slower: they wait on each
 * other's lock of the hot row and split the CPU).
 */
class GroupHold {
  private queue: Waiting[] = []
  private busy = false
  readonly stats = { groups: 0, requests: 0, held: 0 }

  constructor(private deps: InventoryDeps) {}

  hold(req: ReserveInput): Promise<ReservationView | null> {
    return new Promise((answer, fail) => {
      this.queue.push({
        row: newReservationRow(this.deps, req),
        wanted: mergeWanted(req.items),
        traceparent: currentTraceparent() ?? null,
        answer,
        fail,
      })
      this.kick()
    })
  }

  /** Starts the next group after this turn of the event loop, so that callers arriving in it join. */
  private kick() {
    if (this.busy || this.queue.length === 0) return
    this.busy = true
    setImmediate(() => void this.flush())
  }

  private async flush() {
    const group = this.queue.splice(0, MAX_GROUP)
    this.stats.groups++
    this.stats.requests += group.length
    try {
      const held = await holdGroup(this.deps, group)
      this.stats.held += held
    } finally {
      this.busy = false
      this.kick()
    }
  }
}

const groups = new WeakMap<InventoryDeps, GroupHold>()

function groupOf(deps: InventoryDeps): GroupHold {
  let g = groups.get(deps)
  if (!g) groups.set(deps, (g = new GroupHold(deps)))
  return g
}

/**
 * Reserves a request in the next group statement. Null when the group did not make it (short in
 * the group's plan, a repeated order, or stock moved under the statement): nothing was held for
 * it, and the caller takes the locking path, which alone answers out-of-stock or the order's
 * existing reservation.
 */
export function holdInGroup(deps: InventoryDeps, req: ReserveInput): Promise<ReservationView | null> {
  return groupOf(deps).hold(req)
}

/** How many groups ran for these deps, the requests they took and how many they reserved. */
export function groupHoldStats(deps: InventoryDeps): { groups: number; requests: number; held: number } {
  return { ...groupOf(deps).stats }
}

/** Plans the group, makes it in one statement and answers every caller (null: not made); how many were held. */
async function holdGroup(deps: InventoryDeps, group: Waiting[]): Promise<number> {
  const answered = new Set<Waiting>()
  const answer = (w: Waiting, r: ReservationView | null) => {
    answered.add(w)
    w.answer(r)
  }
  try {
    const { cutoff } = dates(deps)
    const planned = await planGroup(deps, group, cutoff, (w, err) => {
      answered.add(w)
      w.fail(err)
    })
    const made = planned.size ? await holdMany(deps.db, [...planned.values()], cutoff) : new Set<string>()
    if (made?.size) deps.publish.committed()
    for (const [w, h] of planned) if (made?.has(w.row.reservation_id)) answer(w, reservationView(w.row, h.picks))
    for (const w of group) if (!answered.has(w)) answer(w, null)
    return made?.size ?? 0
  } catch (err) {
    for (const w of group) if (!answered.has(w)) w.fail(err)
    return 0
  }
}

/**
 * Plans the group first-expiry-first in queue order from one read of its drugs' sellable batches.
 * Left out: orders short in that plan, and a second request for an order already in the group.
 * A request whose event the contract refuses fails alone.
 */
async function planGroup(deps: InventoryDeps, group: Waiting[], cutoff: string, refuse: (w: Waiting, err: unknown) => void) {
  const firsts = firstPerOrder(group)
  const drugIds = [...new Set(firsts.flatMap((w) => w.wanted.map((x) => x.drug_id)))]
  const plans = pickInTurn(
    await sellableBatches(deps.db, drugIds, cutoff),
    firsts.map((w) => w.wanted),
    cutoff,
  )
  const planned = new Map<Waiting, PlannedHold>()
  firsts.forEach((w, i) => {
    const picks = plans[i]
    if (!picks) return
    try {
      planned.set(w, plannedHold(w, picks))
    } catch (err) {
      refuse(w, err)
    }
  })
  return planned
}

function firstPerOrder(group: Waiting[]): Waiting[] {
  const seen = new Set<string>()
  return group.filter((w) => {
    if (seen.has(w.row.order_id)) return false
    seen.add(w.row.order_id)
    return true
  })
}

function plannedHold(w: Waiting, picks: Pick[]): PlannedHold {
  const { row } = w
  const event = outboxEnvelope('inventory.reservation.created.v1', row.reservation_id, createdPayload(row, picks), {
    traceparent: w.traceparent,
  })
  return { ...row, picks, event }
}
