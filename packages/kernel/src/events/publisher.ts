import { randomUUID } from 'node:crypto'
import { eventSchemas, eventVersion, type EventEnvelope, type EventPayload, type EventType } from '@apotheca/contracts'
import type { Tx } from '../db/database.ts'
import { currentTraceparent } from '../trace.ts'

/** Writes an event to the service's outbox in the caller's transaction (transactional outbox). */
export type Publish = <T extends EventType>(
  tx: Tx, type: T, aggregateId: string, payload: EventPayload<T>, opts?: { traceparent?: string | null },
) => Promise<EventEnvelope<T>>

/** A publisher for one service schema; `committed` is called after the transaction commits. */
export function createPublisher(schema: string, committed: () => void): Publish {
  return async (tx, type, aggregateId, payload, opts) => {
    const parsed = eventSchemas[type].parse(payload) as EventPayload<typeof type>
    const envelope = {
      id: randomUUID(),
      type,
      occurred_at: new Date().toISOString(),
      aggregate_id: aggregateId,
      version: eventVersion(type),
      payload: parsed,
      traceparent: opts?.traceparent ?? currentTraceparent() ?? null,
    }
    await tx.query(
      /* sql */ `INSERT INTO ${schema}.outbox (id, type, aggregate_id, occurred_at, payload, traceparent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [envelope.id, type, aggregateId, envelope.occurred_at, JSON.stringify(parsed), envelope.traceparent],
    )
    tx.afterCommit(committed)
    return envelope
  }
}
