import type { BatchStatus } from '@apotheca/contracts'

/** A batch's stock as the rules see it; dates are ISO calendar dates (YYYY-MM-DD, UTC). */
export interface BatchStock {
  batch_id: string
  drug_id: string
  location_id: string
  batch_number: string
  expiry_date: string
  quantity_on_hand: number
  quantity_reserved: number
  status: BatchStatus
}

/** Units taken from one batch for one drug (a reservation's line, and the events' `picks`). */
export interface Pick {
  batch_id: string
  drug_id: string
  batch_number: string
  expiry_date: string
  location_id: string
  quantity: number
}

/** A requested quantity of a drug. */
export interface Wanted {
  drug_id: string
  quantity: number
}

/** A drug that cannot be supplied in full. */
export interface Shortage {
  drug_id: string
  requested: number
  available: number
}

/** The ISO date `days` after `date` (UTC calendar arithmetic). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Today's ISO date (UTC) for a clock reading. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** The last expiry date too short to sell: a sellable batch must expire strictly after it. */
export function shelfCutoff(today: string, minShelfDays: number): string {
  return addDays(today, minShelfDays)
}

/** Units of a batch not yet held for anyone. */
export function freeUnits(b: BatchStock): number {
  return Math.max(0, b.quantity_on_hand - b.quantity_reserved)
}

/** Whether a batch may be sold: available, enough shelf life left, and units free. */
export function isSellable(b: BatchStock, cutoff: string): boolean {
  return b.status === 'available' && b.expiry_date > cutoff && freeUnits(b) > 0
}

/** Sums repeated lines of the same drug, keeping the order in which drugs first appear. */
export function mergeWanted(items: Wanted[]): Wanted[] {
  const byDrug = new Map<string, number>()
  for (const i of items) byDrug.set(i.drug_id, (byDrug.get(i.drug_id) ?? 0) + i.quantity)
  return [...byDrug].map(([drug_id, quantity]) => ({ drug_id, quantity }))
}

/** First-expiry-first order; ties broken by batch number, then id, so a pick is deterministic. */
export function fefoOrder(a: BatchStock, b: BatchStock): number {
  return a.expiry_date.localeCompare(b.expiry_date) || a.batch_number.localeCompare(b.batch_number) || a.batch_id.localeCompare(b.batch_id)
}

/**
 * Picks every wanted quantity first-expiry-first from sellable batches, splitting across batches
 * when one is not enough. All or nothing: when any drug is short, the shortages say which and the
 * picks must not be used.
 */
export function pickFefo(batches: BatchStock[], wanted: Wanted[], cutoff: string): { picks: Pick[]; short: Shortage[] } {
  const picks: Pick[] = []
  const short: Shortage[] = []
  for (const want of mergeWanted(wanted)) {
    const candidates = batches.filter((b) => b.drug_id === want.drug_id && isSellable(b, cutoff)).sort(fefoOrder)
    let left = want.quantity
    for (const b of candidates) {
      if (left === 0) break
      const take = Math.min(left, freeUnits(b))
      picks.push({
        batch_id: b.batch_id,
        drug_id: b.drug_id,
        batch_number: b.batch_number,
        expiry_date: b.expiry_date,
        location_id: b.location_id,
        quantity: take,
      })
      left -= take
    }
    if (left > 0) short.push({ drug_id: want.drug_id, requested: want.quantity, available: want.quantity - left })
  }
  return { picks, short }
}

/**
 * Plans several orders from one snapshot, in the order given, as if each were reserved in turn:
 * an order gets its picks from what the orders before it left, or null when it is short (it then
 * takes nothing, so one short order does not starve the ones after it).
 */
export function pickInTurn(batches: BatchStock[], orders: Wanted[][], cutoff: string): Array<Pick[] | null> {
  const left = batches.map((b) => ({ ...b }))
  const byId = new Map(left.map((b) => [b.batch_id, b]))
  return orders.map((wanted) => {
    const { picks, short } = pickFefo(left, wanted, cutoff)
    if (short.length) return null
    for (const p of picks) byId.get(p.batch_id)!.quantity_reserved += p.quantity
    return picks
  })
}

/** A drug's totals: on hand and reserved over all batches; available = what could be reserved now. */
export function summarizeStock(batches: BatchStock[], cutoff: string) {
  let quantity_on_hand = 0
  let quantity_reserved = 0
  let quantity_available = 0
  for (const b of batches) {
    quantity_on_hand += b.quantity_on_hand
    quantity_reserved += b.quantity_reserved
    if (isSellable(b, cutoff)) quantity_available += freeUnits(b)
  }
  return { quantity_on_hand, quantity_reserved, quantity_available }
}
