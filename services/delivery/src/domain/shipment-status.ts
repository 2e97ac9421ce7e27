import type { ShipmentStatus } from '@apotheca/contracts'

/**
 * Where each shipment status may go next. Our own fleet goes straight from assigned to
 * out_for_delivery; carriers scan in_transit first (and some go from in_transit to delivered).
 * delivered and returned are final.
 */
export const NEXT_STATUSES: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  label_created: ['assigned'],
  assigned: ['in_transit', 'out_for_delivery'],
  in_transit: ['out_for_delivery', 'delivered', 'failed_attempt'],
  out_for_delivery: ['delivered', 'failed_attempt'],
  failed_attempt: ['out_for_delivery', 'returned'],
  delivered: [],
  returned: [],
}

/** Statuses after which a shipment never changes again. */
export const FINAL_STATUSES: readonly ShipmentStatus[] = ['delivered', 'returned']

/** True when a shipment in this status is still on its way (not delivered nor returned). */
export const isOpen = (status: ShipmentStatus) => !FINAL_STATUSES.includes(status)

/** True when `to` may follow `from`. */
export const canTransition = (from: ShipmentStatus, to: ShipmentStatus) => NEXT_STATUSES[from].includes(to)

/** What to do with a status report, given the shipment's current status and when it happened. */
export type StatusDecision =
  | { kind: 'apply'; from: ShipmentStatus; to: ShipmentStatus }
  /** The same status reported again (a retry): recorded, nothing moves. */
  | { kind: 'unchanged'; status: ShipmentStatus }
  /** Older than the status in force: recorded for the record, never moves the status back. */
  | { kind: 'stale'; status: ShipmentStatus }
  | { kind: 'illegal'; from: ShipmentStatus; to: ShipmentStatus }

/** Decides a status report: out-of-order tolerant first, then the transition rules. */
export function decideStatusUpdate(
  current: { status: ShipmentStatus; status_occurred_at: Date },
  report: { status: ShipmentStatus; occurred_at: Date },
): StatusDecision {
  if (report.occurred_at.getTime() < current.status_occurred_at.getTime()) return { kind: 'stale', status: current.status }
  if (report.status === current.status) return { kind: 'unchanged', status: current.status }
  if (!canTransition(current.status, report.status)) return { kind: 'illegal', from: current.status, to: report.status }
  return { kind: 'apply', from: current.status, to: report.status }
}

/** Proof of delivery as reported by a driver or a carrier. */
export interface Proof {
  recipient_name?: string | undefined
  signature_svg?: string | undefined
  photo_sha256?: string | undefined
  note?: string | undefined
}

/** Why a report lacks the proof its status needs (delivered needs the recipient's name), or null. */
export function missingProof(status: ShipmentStatus, proof: Proof | undefined): string | null {
  if (status !== 'delivered') return null
  if (!proof?.recipient_name?.trim()) return 'a delivery needs proof.recipient_name'
  return null
}

/** How far ahead of our clock a reporter's occurred_at may be (device clocks drift). */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000

/** True when occurred_at is implausibly in the future: it would freeze the status against later reports. */
export const isTooFarAhead = (occurredAt: Date, now: Date) => occurredAt.getTime() - now.getTime() > MAX_CLOCK_SKEW_MS
