import { pickFefo, type BatchStock, type Pick, type Shortage } from './fefo.ts'

/** A reservation's life: held until dispensed (committed) or given back (released). */
export type ReservationStatus = 'held' | 'released' | 'committed'

/** What a release request does in each status: releasing twice is harmless, a dispensed one cannot be. */
export function releaseAction(status: ReservationStatus): 'release' | 'noop' | 'conflict' {
  if (status === 'held') return 'release'
  if (status === 'released') return 'noop'
  return 'conflict'
}

/** What a fulfilment request does: commit the held units, pick again after a lapsed hold, or nothing twice. */
export function commitAction(status: ReservationStatus): 'commit' | 'repick' | 'noop' {
  if (status === 'held') return 'commit'
  if (status === 'released') return 'repick'
  return 'noop'
}

/** A reservation line joined with its batch as it is now. */
export type HeldLine = BatchStock & { quantity: number }

/** How a commit takes its units: kept holds, holds to give back, and fresh picks to replace them. */
export interface CommitPlan {
  keep: Pick[]
  unreserve: Pick[]
  fresh: Pick[]
  short: Shortage[]
}

const toPick = (l: HeldLine): Pick => ({
  batch_id: l.batch_id,
  drug_id: l.drug_id,
  batch_number: l.batch_number,
  expiry_date: l.expiry_date,
  location_id: l.location_id,
  quantity: l.quantity,
})

/**
 * Plans dispensing a reservation. Held units on batches still available are dispensed as held;
 * units held on a batch since quarantined, recalled or expired are given back and picked again
 * first-expiry-first, as are all units of a hold that lapsed (`held` false).
 */
export function planCommit(held: boolean, lines: HeldLine[], candidates: BatchStock[], cutoff: string): CommitPlan {
  const keep = held ? lines.filter((l) => l.status === 'available') : []
  const unreserve = held ? lines.filter((l) => l.status !== 'available') : []
  const lost = held ? unreserve : lines
  if (lost.length === 0) return { keep: keep.map(toPick), unreserve: [], fresh: [], short: [] }
  const { picks, short } = pickFefo(
    candidates,
    lost.map((l) => ({ drug_id: l.drug_id, quantity: l.quantity })),
    cutoff,
  )
  return { keep: keep.map(toPick), unreserve: unreserve.map(toPick), fresh: picks, short }
}

/** Adds up picks of the same batch (a kept hold and a fresh pick may share one). */
export function mergePicks(picks: Pick[]): Pick[] {
  const byBatch = new Map<string, Pick>()
  for (const p of picks) {
    const seen = byBatch.get(p.batch_id)
    byBatch.set(p.batch_id, seen ? { ...seen, quantity: seen.quantity + p.quantity } : { ...p })
  }
  return [...byBatch.values()]
}
