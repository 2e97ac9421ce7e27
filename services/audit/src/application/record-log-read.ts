import type { EventPayload } from '@apotheca/contracts'
import type { Database, Principal, Publish } from '@apotheca/kernel'

/** What a read of the audit log disclosed (the reader is added from the principal). */
export type LogRead = Omit<EventPayload<'audit.log.read.v1'>, 'actor_id'>

/**
 * Records a read of the audit log as `audit.log.read.v1` in the audit service's own outbox, so it
 * lands in the chain like every other event. Called after the read and before the answer leaves:
 * when it cannot be recorded the caller gets a 5xx, never an unaudited disclosure. Keyed by the
 * reader, not by the resource read, so reading a resource's trail does not grow that trail. Only
 * HTTP reads call this; the consumer that appends entries does not, so it cannot loop.
 */
export async function recordLogRead(
  deps: { db: Database; publish: Publish },
  reader: Pick<Principal, 'sub'>,
  read: LogRead,
): Promise<void> {
  await deps.db.transaction((tx) => deps.publish(tx, 'audit.log.read.v1', reader.sub, { actor_id: reader.sub, ...read }))
}
