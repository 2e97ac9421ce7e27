/** Share of the days' supply that must have passed before a refill (insurers' usual 75% rule). */
export const REFILL_AT_SHARE = 0.75

/** What the refill rules look at. */
export interface FillState {
  status: string
  expiry_date: string | null
  refills_remaining: number
  fills_count: number
  last_filled_on: string | null
  days_supply: number | null
}

/** A refused fill: why, as a problem slug and a sentence. */
export interface FillRefusal {
  slug: 'not-dispensable' | 'prescription-expired' | 'no-refills-left' | 'refill-too-early'
  detail: string
  earliest?: string
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The first day a refill is allowed after a fill on `lastFilled` lasting `daysSupply` days. */
export const earliestRefill = (lastFilled: string, daysSupply: number) => addDays(lastFilled, Math.ceil(daysSupply * REFILL_AT_SHARE))

/**
 * Whether a fill may happen today: the prescription is verified and not expired; the first fill is
 * the original, each later one uses a refill; a refill waits until 75% of the last days' supply has passed.
 * Returns the refills left after this fill, or why it is refused.
 */
export function checkFill(s: FillState, today: string): { refills_remaining: number; last: boolean } | FillRefusal {
  if (s.status !== 'verified') return { slug: 'not-dispensable', detail: `the prescription is ${s.status}` }
  if (s.expiry_date && s.expiry_date < today) return { slug: 'prescription-expired', detail: `it expired on ${s.expiry_date}` }
  if (s.fills_count === 0) return { refills_remaining: s.refills_remaining, last: s.refills_remaining === 0 }
  if (s.refills_remaining <= 0) return { slug: 'no-refills-left', detail: 'every refill has been used: the prescriber must renew it' }
  if (s.last_filled_on && s.days_supply) {
    const earliest = earliestRefill(s.last_filled_on, s.days_supply)
    if (today < earliest)
      return {
        slug: 'refill-too-early',
        detail: `the last fill (${s.last_filled_on}, ${s.days_supply} days) allows a refill from ${earliest}`,
        earliest,
      }
  }
  return { refills_remaining: s.refills_remaining - 1, last: s.refills_remaining - 1 === 0 }
}
