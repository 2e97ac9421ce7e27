/** DEA schedule of a drug as the catalog names it; null when not controlled. */
export type DeaSchedule = 'CI' | 'CII' | 'CIII' | 'CIV' | 'CV'

/** One broken rule: the field it concerns and what is wrong, as a problem document lists it. */
export interface Violation {
  field: string
  message: string
}

/** What the rules look at in a prescription. */
export interface RuleInput {
  issue_date: string
  expiry_date: string | null
  quantity: number
  refill_count: number
}

/** Most units one prescription may order. */
export const MAX_QUANTITY = 10_000
/** Most refills any prescription may allow. */
export const MAX_REFILLS = 11
/** How fresh a second factor must be to approve a controlled substance (seconds). */
export const STEP_UP_SECONDS = 5 * 60

/** True for schedules II–V (schedule I is not dispensable at all). */
export const isControlled = (s: DeaSchedule | null): s is DeaSchedule => s !== null

/** Refills the law allows: none for schedule II, at most five for III–IV (21 CFR 1306.22). */
export function maxRefills(schedule: DeaSchedule | null): number {
  if (schedule === 'CII' || schedule === 'CI') return 0
  if (schedule === 'CIII' || schedule === 'CIV') return 5
  return MAX_REFILLS
}

/** How long a prescription is valid: six months for schedules III–V, else one year. */
export function validityMonths(schedule: DeaSchedule | null): number {
  return schedule === 'CIII' || schedule === 'CIV' || schedule === 'CV' ? 6 : 12
}

/** `2026-08-31` + 6 months → `2027-02-28`: the day is clamped to the end of a shorter month. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}

/** Today's date in UTC (ISO), the clock the rules use. */
export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10)

/** The expiry a prescription gets when none is given. */
export function defaultExpiry(issueDate: string, schedule: DeaSchedule | null): string {
  return addMonths(issueDate, validityMonths(schedule))
}

/** A real calendar date in YYYY-MM-DD form (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * Checks a prescription against the dispensing rules for its drug's schedule and returns the
 * expiry it gets (given or default) with every rule it breaks. Pure: `today` is passed in.
 */
export function checkRules(p: RuleInput, schedule: DeaSchedule | null, today: string): { expiry_date: string; violations: Violation[] } {
  const v: Violation[] = []
  const limit = defaultExpiry(p.issue_date, schedule)
  const expiry = p.expiry_date ?? limit
  if (schedule === 'CI') v.push({ field: 'drug_id', message: 'schedule I substances cannot be prescribed' })
  if (p.issue_date > today) v.push({ field: 'issue_date', message: 'must not be in the future' })
  if (expiry <= p.issue_date) v.push({ field: 'expiry_date', message: 'must be after issue_date' })
  else if (expiry > limit)
    v.push({
      field: 'expiry_date',
      message: `must be no later than ${limit} (${validityMonths(schedule)} months after issue${schedule ? ` for schedule ${schedule}` : ''})`,
    })
  else if (expiry < today) v.push({ field: 'expiry_date', message: 'the prescription has already expired' })
  if (!Number.isInteger(p.quantity) || p.quantity < 1 || p.quantity > MAX_QUANTITY)
    v.push({ field: 'quantity', message: `must be between 1 and ${MAX_QUANTITY}` })
  const refills = maxRefills(schedule)
  if (!Number.isInteger(p.refill_count) || p.refill_count < 0 || p.refill_count > refills) {
    v.push({
      field: 'refill_count',
      message:
        schedule && refills < MAX_REFILLS ? `schedule ${schedule} allows at most ${refills} refills` : `must be between 0 and ${refills}`,
    })
  }
  return { expiry_date: expiry, violations: v }
}

/** True when approving needs a fresher second factor than the caller has (controlled substances). */
export function needsStepUp(schedule: DeaSchedule | null, mfaAt: number | undefined, nowSeconds: number): boolean {
  if (!isControlled(schedule)) return false
  return mfaAt === undefined || nowSeconds - mfaAt > STEP_UP_SECONDS || mfaAt > nowSeconds + 60
}
