import type { EventEnvelope, EventType } from '@apotheca/contracts'
import type { Database, Tx } from '../db/database.ts'
import type { Logger } from '../logger.ts'
import { childTraceparent, withTrace } from '../trace.ts'
import { wants, type Subscription } from './bus.ts'

/** What a handler may use: its own transaction, which first records the event in the inbox. */
export interface HandlerTools {
  /** Runs fn in a transaction that records the event as processed; undefined when it already was. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T | undefined>
}

/**
 * A consumer of one or more event types. A handler calls other services (if it must) before its
 * transaction, never inside it: PGlite has one connection, and a call back into the process would wait on it.
 */
export interface Consumer {
  name: string
  types: EventType[] | '*'
  handle(event: EventEnvelope, tools: HandlerTools): Promise<void>
  /**
   * Every process of the service receives each event, not one process per service (on Kafka: a consumer
   * group of the process's own). For state a process keeps in memory, such as caches. There is no inbox
   * dedupe (replicas share the service's inbox, so one replica's record would stop the others): the
   * handler must be idempotent. A failure is logged and the event dropped; nothing durable is at stake.
   */
  broadcast?: boolean
}

/**
 * Declares a consumer whose handler sees each event's payload typed by the event's own schema
 * (contracts' eventSchemas), so no handler casts `env.payload`.
 */
export function consumer<T extends EventType>(def: {
  name: string
  types: T[]
  /** The envelope of each type (a union, discriminated by `type`, when there are several). */
  handle(event: T extends EventType ? EventEnvelope<T> : never, tools: HandlerTools): Promise<void>
  broadcast?: boolean
}): Consumer {
  return def as unknown as Consumer
}

export const MAX_ATTEMPTS = 5

/** Runs one consumer on one event exactly once in effect: inbox dedupe, failure count, parking. */
export async function deliverOnce(
  db: Database,
  schema: string,
  consumer: Consumer,
  env: EventEnvelope,
  log: Logger,
): Promise<'done' | 'duplicate' | 'parked'> {
  const done = await db.query(`SELECT 1 FROM ${schema}.inbox WHERE event_id = $1 AND consumer = $2`, [env.id, consumer.name])
  if (done.rows.length) return 'duplicate'
  let ran = false
  let duplicate = false
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>) =>
    db.transaction(async (tx) => {
      ran = true
      const ins = await tx.query(/* sql */ `INSERT INTO ${schema}.inbox (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        env.id,
        consumer.name,
      ])
      if (ins.rowCount === 0) {
        duplicate = true
        return undefined
      }
      return fn(tx)
    })
  try {
    // What the consumer does (its events, its calls) continues the event's trace.
    await withTrace(childTraceparent(env.traceparent), () => consumer.handle(env, { transaction }))
    if (!ran) await transaction(async () => undefined)
    return duplicate ? 'duplicate' : 'done'
  } catch (err) {
    const { rows } = await db.query<{ attempts: number }>(
      /* sql */ `INSERT INTO ${schema}.inbox_failures (event_id, consumer, attempts, last_error, envelope) VALUES ($1, $2, 1, $3, $4)
       ON CONFLICT (event_id, consumer) DO UPDATE SET attempts = ${schema}.inbox_failures.attempts + 1, last_error = EXCLUDED.last_error
       RETURNING attempts`,
      [env.id, consumer.name, errorText(err), JSON.stringify(env)],
    )
    const attempts = rows[0]?.attempts ?? 1
    if (attempts < MAX_ATTEMPTS) {
      log.warn({ event_id: env.id, type: env.type, consumer: consumer.name, attempts, err: errorText(err) }, 'consumer failed; will retry')
      throw err
    }
    // Poison: park it (kept with its envelope for a person to look at) and move on.
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE ${schema}.inbox_failures SET parked_at = now() WHERE event_id = $1 AND consumer = $2`, [env.id, consumer.name])
      await tx.query(`INSERT INTO ${schema}.inbox (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [env.id, consumer.name])
    })
    log.error({ event_id: env.id, type: env.type, consumer: consumer.name, attempts }, 'consumer parked a poison event')
    return 'parked'
  }
}

/** An error's message only: never the event, which may name a patient's records. */
function errorText(err: unknown): string {
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 500)
}

/** Runs a broadcast consumer on one event: no inbox; a failure is logged, never retried or parked. */
export async function deliverBroadcast(db: Database, consumer: Consumer, env: EventEnvelope, log: Logger): Promise<void> {
  const transaction = <T>(fn: (tx: Tx) => Promise<T>) => db.transaction(fn)
  try {
    await withTrace(childTraceparent(env.traceparent), () => consumer.handle(env, { transaction }))
  } catch (err) {
    log.warn({ event_id: env.id, type: env.type, consumer: consumer.name, err: errorText(err) }, 'broadcast consumer failed; event dropped')
  }
}

/**
 * A service's consumers as bus subscriptions: one for those handled once per service (inbox, retries,
 * parking), one for the broadcast ones (every process).
 */
export function subscriptionsFor(service: string, consumers: Consumer[], db: Database, log: Logger): Subscription[] {
  const subscription = (group: Consumer[], broadcast: boolean): Subscription => ({
    service,
    types: group.some((c) => c.types === '*') ? '*' : [...new Set(group.flatMap((c) => c.types as string[]))],
    ...(broadcast ? { broadcast } : {}),
    deliver: async (env) => {
      for (const c of group) {
        if (!wants({ types: c.types } as Subscription, env.type)) continue
        if (broadcast) await deliverBroadcast(db, c, env, log)
        else await deliverOnce(db, service, c, env, log)
      }
    },
  })
  const once = consumers.filter((c) => !c.broadcast)
  const everywhere = consumers.filter((c) => c.broadcast)
  return [...(once.length ? [subscription(once, false)] : []), ...(everywhere.length ? [subscription(everywhere, true)] : [])]
}
