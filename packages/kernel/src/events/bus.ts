import type { EventEnvelope } from '@apotheca/contracts'

/** One service's interest in events: the kernel wraps `deliver` with the inbox and poison handling. */
export interface Subscription {
  service: string
  /** Event types, or '*' for every event (the audit log). */
  types: string[] | '*'
  /** Delivers one event to every consumer of the service that wants it; throws to have it retried. */
  deliver(envelope: EventEnvelope): Promise<void>
  /**
   * Every process receives the events, not one per service: on Kafka a consumer group of this process's
   * own, from the latest offset (what happened before the process started is not its concern). In process
   * there is only one process, so nothing changes.
   */
  broadcast?: boolean
}

/** Moves events from outboxes to consumers: in process, or through Apache Kafka. */
export interface EventBus {
  readonly kind: 'in-process' | 'kafka'
  /** Resolves once the events are durably handed over (Kafka acked, or in-process consumers done). */
  publish(envelopes: EventEnvelope[]): Promise<void>
  subscribe(sub: Subscription): void
  start(): Promise<void>
  stop(): Promise<void>
  healthy(): Promise<boolean>
}

export function wants(sub: Subscription, type: string): boolean {
  return sub.types === '*' || sub.types.includes(type)
}

/** Delivers events to the subscriptions of this process directly; durability comes from the outbox. */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const
  private subs: Subscription[] = []

  subscribe(sub: Subscription) {
    this.subs.push(sub)
  }

  async publish(envelopes: EventEnvelope[]) {
    // In order, one event at a time: an aggregate's events are handled in the order they were written.
    for (const env of envelopes) {
      for (const sub of this.subs) if (wants(sub, env.type)) await sub.deliver(env)
    }
  }

  async start() {}
  async stop() {}
  async healthy() {
    return true
  }
}
