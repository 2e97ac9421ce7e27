import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import type { EventEnvelope } from '@apotheca/contracts'
import { eventually, startTestRuntime, type TestRuntime } from '../testing/index.ts'
import { KafkaBus } from '../src/events/kafka-bus.ts'
import { postgresDatabase } from '../src/db/database.ts'
import type { ServiceContext, ServiceModule } from '../src/module.ts'

// Two replicas of one service on a real broker and PostgreSQL: a broadcast consumer hears every event in
// each replica; an ordinary consumer of the same service handles each event once between them. The replicas
// share a database of this file's own, so their relays never take another test file's outbox rows.
const brokers = process.env.APOTHECA_TEST_KAFKA_BROKERS
const prefix = `b${Date.now().toString(36)}`
const migrations = pathToFileURL(mkdtempSync(join(tmpdir(), 'no-migrations-')) + '/')
type Replica = { rt: TestRuntime; ctx: ServiceContext; heard: string[]; handled: string[] }

function replica(): { module: ServiceModule; state: Omit<Replica, 'rt'> } {
  const state = { ctx: undefined as unknown as ServiceContext, heard: [] as string[], handled: [] as string[] }
  const module: ServiceModule = {
    name: 'notifications',
    migrations,
    create(c) {
      state.ctx = c
      const types = ['orders.order.status_changed.v1' as const]
      return {
        routes: [],
        consumers: [
          {
            name: `cache-${prefix}`,
            types,
            broadcast: true,
            async handle(env: EventEnvelope<any>) {
              state.heard.push(env.payload.reason)
            },
          },
          {
            name: `once-${prefix}`,
            types,
            async handle(env: EventEnvelope<any>, { transaction }) {
              await transaction(async () => {
                state.handled.push(env.payload.reason)
              })
            },
          },
        ],
      }
    },
  }
  return { module, state }
}

const replicas: Replica[] = []
const database = `kernel_broadcast_${randomBytes(6).toString('hex')}`
const admin = postgresDatabase(process.env.APOTHECA_TEST_DATABASE_URL ?? 'postgres://unset', 1)
before(async () => {
  assert.ok(brokers, 'APOTHECA_TEST_KAFKA_BROKERS must be set (scripts/services/kafka.sh start)')
  await admin.query(`CREATE DATABASE ${database}`)
  const url = new URL(process.env.APOTHECA_TEST_DATABASE_URL!)
  url.pathname = `/${database}`
  for (let i = 0; i < 2; i++) {
    const { module, state } = replica()
    const rt = await startTestRuntime({
      modules: [module],
      backend: 'postgres',
      env: { DATABASE_URL: url.toString() },
      createBus: async (_c, log) => new KafkaBus({ brokers: brokers!.split(','), log, prefix }),
    })
    replicas.push({ rt, ...state })
  }
})
after(async () => {
  for (const r of replicas) await r.rt.close()
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  await admin.close()
})

const publish = async (reason: string) => {
  const orderId = randomUUID()
  const { ctx, rt } = replicas[0]!
  await rt.db.transaction(async (tx) => {
    await ctx.publish(tx, 'orders.order.status_changed.v1', orderId, {
      order_id: orderId,
      patient_id: randomUUID(),
      from: null,
      order_status: 'pending',
      payment_status: 'pending',
      reason,
    })
  })
}

test('every replica hears a broadcast event; an ordinary consumer handles it in one replica only', async () => {
  // Broadcast groups start at the latest offset once joined: ping until both replicas hear, then measure.
  await eventually(
    'both replicas joined',
    async () => {
      await publish(`ping-${randomUUID()}`)
      return replicas.every((r) => r.heard.some((x) => x.startsWith('ping-')))
    },
    60_000,
    1000,
  )
  const reasons = Array.from({ length: 5 }, (_, i) => `event-${i}-${randomUUID()}`)
  for (const reason of reasons) await publish(reason)
  for (const r of replicas) await eventually('each replica hears every event', () => reasons.every((x) => r.heard.includes(x)), 30_000, 100)
  const handled = () => replicas.flatMap((r) => r.handled).filter((x) => reasons.includes(x))
  await eventually('the ordinary consumer handled every event', () => handled().length >= reasons.length, 30_000, 100)
  await new Promise((r) => setTimeout(r, 1000))
  assert.deepEqual(handled().sort(), [...reasons].sort(), 'each event once between the replicas')
  for (const r of replicas) assert.equal(r.heard.filter((x) => reasons.includes(x)).length, reasons.length, 'no repeats within a replica')
})
