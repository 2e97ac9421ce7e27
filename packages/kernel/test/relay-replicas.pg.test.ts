import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import type { EventEnvelope } from '@apotheca/contracts'
import { postgresDatabase, type Database } from '../src/db/database.ts'
import { migrate } from '../src/db/migrate.ts'
import { createLogger } from '../src/logger.ts'
import { createPublisher } from '../src/events/publisher.ts'
import { OutboxRelay } from '../src/events/relay.ts'
import type { EventBus } from '../src/events/bus.ts'

// Two replicas of one service relay the same outbox on PostgreSQL: one batch is out at a time, so
// every aggregate's events reach the bus in the order they were written.
const ADMIN = process.env.APOTHECA_TEST_DATABASE_URL
const NAME = `apotheca_relay_${process.pid}`
let url: string
let db: Database

before(async () => {
  assert.ok(ADMIN, 'APOTHECA_TEST_DATABASE_URL must be set (scripts/services/postgres.sh start)')
  const admin = new pg.Client({ connectionString: ADMIN })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${NAME}`)
  await admin.end()
  const u = new URL(ADMIN)
  u.pathname = `/${NAME}`
  url = u.toString()
  db = postgresDatabase(url, 4)
  await migrate(db, 'notifications', pathToFileURL(mkdtempSync(join(tmpdir(), 'no-migrations-')) + '/'))
})
after(async () => {
  await db?.close()
  const admin = new pg.Client({ connectionString: ADMIN })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`)
  await admin.end()
})

/** A bus that takes its time with each batch, and notes what arrived and how many batches were out at once. */
function slowBus(seen: EventEnvelope[], overlap: { now: number; max: number }): EventBus {
  return {
    kind: 'in-process',
    async publish(batch: EventEnvelope[]) {
      overlap.max = Math.max(overlap.max, ++overlap.now)
      await new Promise((r) => setTimeout(r, 20))
      seen.push(...batch)
      overlap.now--
    },
    subscribe() {},
    start: async () => {},
    stop: async () => {},
  } as unknown as EventBus
}

test("two relays of one outbox never publish at once, and each aggregate's events arrive in order", async () => {
  const publish = createPublisher('notifications', () => {})
  const orders = Array.from({ length: 5 }, () => randomUUID())
  for (let n = 0; n < 120; n++) {
    await db.transaction(async (tx) => {
      for (const id of orders) {
        await publish(tx, 'orders.order.status_changed.v1', id, {
          order_id: id,
          patient_id: id,
          from: null,
          order_status: 'pending',
          payment_status: 'pending',
          reason: String(n),
        })
      }
    })
  }
  const seen: EventEnvelope[] = []
  const overlap = { now: 0, max: 0 }
  const log = createLogger('silent')
  const replicas = [postgresDatabase(url, 2), postgresDatabase(url, 2)]
  const relays = replicas.map((r) => new OutboxRelay(r, 'notifications', slowBus(seen, overlap), log))
  try {
    // Each replica relays in a loop, as its timer would, until everything went out.
    const until = Date.now() + 20_000
    await Promise.all(
      relays.map(async (relay) => {
        while (seen.length < 600 && Date.now() < until) if ((await relay.drain()) === 0) await new Promise((r) => setTimeout(r, 5))
      }),
    )
    assert.equal(seen.length, 600, 'every event once')
    assert.equal(new Set(seen.map((e) => e.id)).size, 600)
  } finally {
    for (const r of replicas) await r.close()
  }
  assert.equal(overlap.max, 1, 'one batch out at a time')
  for (const id of orders) {
    const steps = seen.filter((e) => e.aggregate_id === id).map((e) => Number((e.payload as { reason: string }).reason))
    assert.deepEqual(
      steps,
      Array.from({ length: 120 }, (_, i) => i),
      `aggregate ${id} in order`,
    )
  }
})
