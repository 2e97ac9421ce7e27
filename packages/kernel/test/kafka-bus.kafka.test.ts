import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import type { EventEnvelope } from '@apotheca/contracts'
import { eventually, startTestRuntime, type TestRuntime } from '../testing/index.ts'
import { KafkaBus } from '../src/events/kafka-bus.ts'
import { consumer } from '../src/events/consumer.ts'
import type { ServiceContext, ServiceModule } from '../src/module.ts'

// The outbox → Kafka → consumer path on a real broker and PostgreSQL.
const brokers = process.env.APOTHECA_TEST_KAFKA_BROKERS
const prefix = `t${Date.now().toString(36)}`
const seen: EventEnvelope<any>[] = []
const POISON = 'ffffffff-ffff-4fff-8fff-ffffffffffff'
let ctx: ServiceContext
let rt: TestRuntime

// A service of its own for the test: it publishes order events and consumes them back.
const probe: ServiceModule = {
  name: 'notifications',
  migrations: pathToFileURL(mkdtempSync(join(tmpdir(), 'no-migrations-')) + '/'),
  create(c) {
    ctx = c
    return {
      routes: [],
      consumers: [
        consumer({
          name: `probe-${prefix}`,
          types: ['orders.order.status_changed.v1'],
          async handle(env, { transaction }) {
            if (env.payload.order_id === POISON) throw new Error('poison')
            await transaction(async () => {
              seen.push(env)
            })
          },
        }),
      ],
    }
  },
}

before(async () => {
  assert.ok(brokers, 'APOTHECA_TEST_KAFKA_BROKERS must be set (scripts/services/kafka.sh start)')
  rt = await startTestRuntime({
    modules: [probe],
    backend: 'postgres',
    createBus: async (_c, log) => new KafkaBus({ brokers: brokers!.split(','), log, prefix }),
  })
})
after(async () => {
  await rt?.close()
})

const statusChange = (orderId: string, n: number) => ({
  order_id: orderId,
  patient_id: randomUUID(),
  from: null,
  order_status: 'pending' as const,
  payment_status: 'pending' as const,
  reason: `step ${n}`,
})

const until = (what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) => eventually(what, ok, ms, 100)

test('events written to the outbox reach the consumer through Kafka once each, in order per aggregate', async () => {
  const orders: string[] = [randomUUID(), randomUUID(), randomUUID()]
  for (let n = 0; n < 10; n++) {
    await rt.db.transaction(async (tx) => {
      for (const id of orders) await ctx.publish(tx, 'orders.order.status_changed.v1', id, statusChange(id, n))
    })
  }
  await until('30 events consumed', () => seen.filter((e) => orders.includes(e.aggregate_id)).length >= 30)
  for (const id of orders) {
    const steps = seen.filter((e) => e.aggregate_id === id).map((e) => e.payload.reason)
    assert.deepEqual(
      steps,
      Array.from({ length: 10 }, (_, n) => `step ${n}`),
    )
  }
  const published = await rt.db.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE published_at IS NULL`)
  assert.equal(published.rows[0]!.n, 0)
})

test('a redelivered event changes nothing, and a poison event is parked without blocking the next', async () => {
  const before = seen.length
  const orderId = randomUUID()
  await rt.db.transaction(async (tx) => {
    const env = await ctx.publish(tx, 'orders.order.status_changed.v1', orderId, statusChange(orderId, 0))
    // The same envelope once more, as a relay crash between send and mark would produce.
    await rt.bus.publish([env])
  })
  await rt.db.transaction(async (tx) => {
    await ctx.publish(tx, 'orders.order.status_changed.v1', POISON, statusChange(POISON, 0))
    await ctx.publish(tx, 'orders.order.status_changed.v1', orderId, statusChange(orderId, 1))
  })
  await until(
    'the event after the poison is consumed',
    () => seen.some((e) => e.aggregate_id === orderId && e.payload.reason === 'step 1'),
    60_000,
  )
  // The poison's aggregate may sit on another partition: wait for its fifth failure and parking.
  const parkedRows = () =>
    rt.db.query(`SELECT attempts, parked_at FROM notifications.inbox_failures WHERE consumer = $1 AND parked_at IS NOT NULL`, [
      `probe-${prefix}`,
    ])
  await until('the poison event is parked', async () => (await parkedRows()).rows.length === 1, 60_000)
  assert.equal(seen.filter((e) => e.aggregate_id === orderId && e.payload.reason === 'step 0').length, 1)
  assert.equal(seen.length - before, 2)
  const parked = await parkedRows()
  assert.equal(parked.rows.length, 1)
  assert.equal(parked.rows[0]!.attempts, 5)
  assert.ok(parked.rows[0]!.parked_at)
})
