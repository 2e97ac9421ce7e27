import { randomUUID } from 'node:crypto'
import { eventSchemas, eventVersion, type EventEnvelope, type EventPayload, type EventType } from '@apotheca/contracts'
import { currentTraceparent } from '../trace.ts'

/**
 * An event's outbox envelope, its payload checked against the contract. The publisher writes it;
 * a service that writes many outbox rows in one statement builds them with this first, so nothing
 * unchecked reaches the outbox, and then calls its publisher's `committed` after the commit.
 */
export function outboxEnvelope<T extends EventType>(
  type: T,
  aggregateId: string,
  payload: EventPayload<T>,
  opts?: { traceparent?: string | null },
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: aggregateId,
    version: eventVersion(type),
    payload: eventSchemas[type].parse(payload) as EventPayload<T>,
    traceparent: opts?.traceparent ?? currentTraceparent() ?? null,
  }
}
