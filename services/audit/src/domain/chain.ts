import { canonicalJson, sha256Hex } from '@apotheca/kernel'

/** The hash of the chain before its first entry. */
export const GENESIS = '0'.repeat(64)

/** What an entry's hash covers: everything but the hash itself and when it was recorded. */
export interface ChainedFields {
  seq: number
  event_id: string
  event_type: string
  resource_id: string
  resource_ids: string[]
  actor: string | null
  occurred_at: string
  details: unknown
  prev_hash: string
}

export function entryHash(e: ChainedFields): string {
  const { seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash } = e
  return sha256Hex(canonicalJson({ seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash }))
}

/** Checks a run of entries, in order, against their hashes and links; returns the first broken seq. */
export function verifyChain(
  entries: Array<ChainedFields & { hash: string }>,
  prev = GENESIS,
): { valid: boolean; broken_at: number | null; head: string } {
  for (const e of entries) {
    if (e.prev_hash !== prev || entryHash(e) !== e.hash) return { valid: false, broken_at: e.seq, head: prev }
    prev = e.hash
  }
  return { valid: true, broken_at: null, head: prev }
}

const RESOURCE_KEYS = ['order_id', 'prescription_id', 'patient_id', 'shipment_id', 'reservation_id', 'drug_id', 'account_id']

/** The ids an event concerns, so that a query by any of them finds it. */
export function resourceIds(aggregateId: string, payload: Record<string, unknown>): string[] {
  const ids = new Set([aggregateId])
  for (const k of RESOURCE_KEYS) if (typeof payload[k] === 'string') ids.add(payload[k] as string)
  return [...ids]
}
