import type { PrescriptionStatus } from '@apotheca/contracts'

/** What can happen to a prescription; each action moves it along one edge of the table below. */
export type PrescriptionAction = 'validate' | 'queue' | 'refuse' | 'approve' | 'reject' | 'transcribe' | 'cancel' | 'expire' | 'archive'

/**
 * The prescription state machine as a pure table: status → action → next status. A missing entry
 * is an illegal transition (the API answers 409). rejected, cancelled, expired and inactive are final.
 */
export const TRANSITIONS: Readonly<Record<PrescriptionStatus, Readonly<Partial<Record<PrescriptionAction, PrescriptionStatus>>>>> = {
  // archive: an e-prescription that is medication history (FHIR stopped/completed), never dispensable.
  // Intake records `received`; the review consumer validates, then queues for a pharmacist or refuses what breaks the law.
  // `refuse` is validation's rejection; `reject` is a pharmacist's, and only from in_review.
  received: { validate: 'validating', archive: 'inactive', cancel: 'cancelled' },
  validating: { queue: 'in_review', refuse: 'rejected', cancel: 'cancelled' },
  // transcribe: a pharmacist fills in an upload (or corrects an e-prescription); it is reviewed again from the start.
  in_review: { approve: 'verified', reject: 'rejected', transcribe: 'received', cancel: 'cancelled', expire: 'expired' },
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
