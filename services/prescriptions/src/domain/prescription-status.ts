import type { PrescriptionStatus } from '@apotheca/contracts'

/** What can happen to a prescription; each action moves it along one edge of the table below. */
export type PrescriptionAction = 'validate' | 'queue' | 'approve' | 'reject' | 'cancel' | 'expire' | 'archive'

/**
 * The prescription state machine as a pure table: status → action → next status. A missing entry
 * is an illegal transition (the API answers 409). rejected, cancelled, expired and inactive are final.
 */
export const TRANSITIONS: Readonly<Record<PrescriptionStatus, Readonly<Partial<Record<PrescriptionAction, PrescriptionStatus>>>>> = {
  // archive: an e-prescription that is medication history (FHIR stopped/completed), never dispensable.
  received: { validate: 'validating', archive: 'inactive' },
  validating: { queue: 'in_review', reject: 'rejected' },
  in_review: { approve: 'verified', reject: 'rejected', cancel: 'cancelled', expire: 'expired' },
  // A verified prescription may still be cancelled by its prescriber (before it is dispensed) or run out.
  verified: { cancel: 'cancelled', expire: 'expired' },
  rejected: {},
  cancelled: {},
  expired: {},
  inactive: {},
}

/** The status an action leads to from `from`, or null when the action is not allowed there. */
export function nextStatus(from: PrescriptionStatus, action: PrescriptionAction): PrescriptionStatus | null {
  return TRANSITIONS[from][action] ?? null
}

/** True when no action leads anywhere from this status. */
export function isFinal(status: PrescriptionStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0
}

/** Statuses against which an order may be sold (orders checks this through the internal route). */
export const DISPENSABLE: readonly PrescriptionStatus[] = ['verified']
