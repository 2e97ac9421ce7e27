import type { EventEnvelope } from '@apotheca/contracts'
import type { Database } from '../db/database.ts'
import type { Logger } from '../logger.ts'
import type { EventBus } from './bus.ts'

const BATCH = 200
const IDLE_POLL_MS = 1000
const LEASE_SECONDS = 30

/**
 * Relays a service's outbox to the bus. Rows are claimed with a short lease in their own
 * transaction and published outside it, so that in-process consumers can use the one PGlite
 * connection. With several replicas on PostgreSQL one batch is out at a time: a replica claims only
 * when no batch is leased (claims are serialised by an advisory lock), so an aggregate's events are
 * published in outbox order however many replicas relay. A replica that dies mid-batch holds the
 * others back until its lease ends.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined
  private running = false
  private again = false
  private stopped = true
  private failures = 0
  /** Leases left by a process that crashed: only on PGlite (one process per data folder) are they surely not another's. */
  private staleLeases: boolean

  constructor(
    private db: Database,
    private schema: string,
    private bus: EventBus,
    private log: Logger,
  ) {
    this.staleLeases = db.kind === 'pglite'
  }

  start() {
    this.stopped = false
    this.nudge()
  }

  async stop() {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    while (this.running) await new Promise((r) => setTimeout(r, 10))
  }

  /** Asks for a relay pass soon (after a commit that wrote to the outbox). */
  nudge() {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.schedule(0)
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.pass(), ms)
    this.timer.unref?.()
  }

  /** Relays until the outbox is empty; returns how many events went out. */
  async drain(): Promise<number> {
    let total = 0
    for (;;) {
      const rows = await this.claim()
      if (rows.length === 0) return total
      const ids = rows.map((r) => r.id)
      try {
        await this.bus.publish(rows)
      } catch (err) {
        await this.db.query(`UPDATE ${this.schema}.outbox SET lease_until = NULL WHERE id = ANY($1::uuid[])`, [ids]).catch(() => {})
        throw err
      }
      await this.db.query(`UPDATE ${this.schema}.outbox SET published_at = now(), lease_until = NULL WHERE id = ANY($1::uuid[])`, [ids])
      total += rows.length
    }
  }

  private async pass() {
    if (this.stopped) return
    this.running = true
    this.again = false
    let delay = IDLE_POLL_MS
    try {
      if (this.staleLeases) {
        await this.db.query(`UPDATE ${this.schema}.outbox SET lease_until = NULL WHERE published_at IS NULL AND lease_until IS NOT NULL`)
        this.staleLeases = false
      }
      await this.drain()
      this.failures = 0
    } catch (err) {
      // A consumer or the broker failed: the batch stays unpublished; back off and retry.
      this.failures++
      delay = Math.min(250 * 2 ** this.failures, 10_000)
      this.log.warn({ schema: this.schema, err: (err as Error).message }, 'outbox relay pass failed')
    } finally {
      this.running = false
    }
    if (!this.stopped) this.schedule(this.again && this.failures === 0 ? 0 : delay)
  }

  private async claim(): Promise<EventEnvelope[]> {
    const { rows } = await this.db.transaction(async (tx) => {
      await tx.query(/* sql */ `SELECT pg_advisory_xact_lock(hashtext($1))`, [`${this.schema}.outbox relay`])
      return tx.query<OutboxRow>(/* sql */ `UPDATE ${this.schema}.outbox o SET lease_until = now() + interval '${LEASE_SECONDS} seconds'
         FROM (SELECT seq FROM ${this.schema}.outbox
               WHERE published_at IS NULL AND (lease_until IS NULL OR lease_until < now())
               ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) c
         WHERE o.seq = c.seq
           AND NOT EXISTS (SELECT 1 FROM ${this.schema}.outbox l WHERE l.published_at IS NULL AND l.lease_until >= now())
         RETURNING o.seq, o.id, o.type, o.aggregate_id, o.occurred_at, o.payload, o.traceparent`)
    })
    return rows
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map((r) => ({
        id: r.id,
        type: r.type,
        occurred_at: new Date(r.occurred_at).toISOString(),
        aggregate_id: r.aggregate_id,
        version: Number(/\.v(\d+)$/.exec(r.type)?.[1] ?? 1),
        payload: r.payload,
        traceparent: r.traceparent,
      })) as EventEnvelope[]
  }
}

interface OutboxRow {
  seq: string | number
  id: string
  type: string
  aggregate_id: string
  occurred_at: string | Date
  payload: Record<string, unknown>
  traceparent: string | null
}
