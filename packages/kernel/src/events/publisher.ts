import type { EventEnvelope, EventPayload, EventType } from '@apotheca/contracts'
import type { Tx } from '../db/database.ts'
import { outboxEnvelope } from './outbox-envelope.ts'

/** Writes an event to the service's outbox in the caller's transaction (transactional outbox). */
export type Publish = (<T extends EventType>(
  tx: Tx,
  type: T,
  aggregateId: string,
  payload: EventPayload<T>,
  opts?: { traceparent?: string | null },
) => Promise<EventEnvelope<T>>) & {
  /** Nudges the relay; for outbox rows a service wrote itself (see outboxEnvelope), once they are committed. */
  committed: () => void
}

/** A publisher for one service schema; `committed` is called after the transaction commits. */
export function createPublisher(schema: string, committed: () => void): Publish {
  const publish = async <T extends EventType>(
    tx: Tx,
    type: T,
    aggregateId: string,
    payload: EventPayload<T>,
    opts?: { traceparent?: string | null },
  ) => {
    const envelope = outboxEnvelope(type, aggregateId, payload, opts)
    await tx.query(
      /* sql */ `INSERT INTO ${schema}.outbox (id, type, aggregate_id, occurred_at, payload, traceparent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [envelope.id, type, aggregateId, envelope.occurred_at, JSON.stringify(envelope.payload), envelope.traceparent],
    )
    tx.afterCommit(committed)
    return envelope
  }
  return Object.assign(publish, { committed })
}
