import type { AdjustmentReason, BatchStatus } from '@apotheca/contracts'

/** Why an adjustment is refused: an HTTP-neutral problem the application turns into a response. */
export interface Refusal {
  status: 404 | 409 | 412 | 422
  slug: string
  title: string
  detail: string
}

/** What a person asked to change on one batch. */
export interface AdjustmentInput {
  reason: AdjustmentReason
  quantity_delta: number
  expiry_date?: string | undefined
}

/** The batch as it is now (null when it does not exist yet). */
export interface BatchState {
  status: BatchStatus
  expiry_date: string
  quantity_on_hand: number
  quantity_reserved: number
}

/** The change to make: create the batch or not, the delta, and the batch's next status. */
export type AdjustmentPlan =
  { ok: true; create: boolean; delta: number; status: BatchStatus; expiry_date: string } | { ok: false; refusal: Refusal }

type Sign = 'positive' | 'negative' | 'non-positive' | 'any'

/** Which sign of delta each reason allows (API.md's adjustment reasons). */
export const REASON_SIGN: Record<AdjustmentReason, Sign> = {
  received: 'positive',
  returned: 'positive',
  dispensed: 'negative',
  damaged: 'negative',
  expired: 'non-positive',
  quarantine: 'non-positive',
  release: 'non-positive',
  recall: 'non-positive',
  cycle_count: 'any',
}

const SIGN_TEXT: Record<Sign, string> = {
  positive: 'greater than 0',
  negative: 'less than 0',
  'non-positive': '0 or less',
  any: 'any integer',
}

const refuse = (status: Refusal['status'], slug: string, title: string, detail: string): AdjustmentPlan => ({
  ok: false,
  refusal: { status, slug, title, detail },
})

function signOk(sign: Sign, delta: number): boolean {
  if (sign === 'positive') return delta > 0
  if (sign === 'negative') return delta < 0
  if (sign === 'non-positive') return delta <= 0
  return true
}

/**
 * The batch status after an adjustment with this reason, or null when the transition is illegal.
 * A recalled batch never returns to stock; a recall wins over every other status.
 */
export function nextStatus(reason: AdjustmentReason, status: BatchStatus): BatchStatus | null {
  switch (reason) {
    case 'quarantine':
      return status === 'available' || status === 'quarantined' ? 'quarantined' : null
    case 'release':
      return status === 'available' || status === 'quarantined' ? 'available' : null
    case 'recall':
      return 'recalled'
    case 'expired':
      return status === 'recalled' ? 'recalled' : 'expired'
    case 'received':
      return status === 'available' || status === 'quarantined' ? status : null
    default:
      return status
  }
}

/** Decides an adjustment of one batch, or why it is refused; never below zero or below what is reserved. */
export function planAdjustment(input: AdjustmentInput, batch: BatchState | null, today: string): AdjustmentPlan {
  const { reason, quantity_delta: delta } = input
  const sign = REASON_SIGN[reason]
  if (!signOk(sign, delta))
    return refuse(
      422,
      'invalid-adjustment',
      'The quantity does not fit the reason',
      `quantity_delta for ${reason} must be ${SIGN_TEXT[sign]}`,
    )
  if (!batch) return planNewBatch(input, today)
  if (input.expiry_date && input.expiry_date !== batch.expiry_date) {
    return refuse(
      422,
      'expiry-date-mismatch',
      'The batch has another expiry date',
      `batch expires on ${batch.expiry_date}, not ${input.expiry_date}`,
    )
  }
  const status = nextStatus(reason, batch.status)
  if (!status)
    return refuse(409, 'illegal-transition', `A ${batch.status} batch cannot take a ${reason} adjustment`, `the batch is ${batch.status}`)
  if (reason === 'received' && batch.expiry_date <= today)
    return refuse(422, 'batch-expired', 'The batch has expired', `it expired on ${batch.expiry_date}`)
  if (reason === 'expired' && batch.expiry_date > today) {
    return refuse(
      422,
      'batch-not-expired',
      'The batch has not expired',
      `it expires on ${batch.expiry_date}; use damaged to write off stock`,
    )
  }
  const after = batch.quantity_on_hand + delta
  if (after < batch.quantity_reserved) {
    return refuse(
      409,
      'insufficient-stock',
      'Not enough stock in the batch',
      `${batch.quantity_on_hand} on hand, ${batch.quantity_reserved} reserved: at most ${batch.quantity_on_hand - batch.quantity_reserved} can be removed`,
    )
  }
  return { ok: true, create: false, delta, status, expiry_date: batch.expiry_date }
}

function planNewBatch(input: AdjustmentInput, today: string): AdjustmentPlan {
  if (input.reason !== 'received')
    return refuse(404, 'batch-not-found', 'No such batch', `no batch with this batch_number holds the drug at this location`)
  if (!input.expiry_date) return refuse(422, 'expiry-date-required', 'A new batch needs its expiry date', 'send expiry_date (YYYY-MM-DD)')
  if (input.expiry_date <= today) return refuse(422, 'batch-expired', 'The batch has expired', `it expired on ${input.expiry_date}`)
  return { ok: true, create: true, delta: input.quantity_delta, status: 'available', expiry_date: input.expiry_date }
}
