import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { EventEnvelope } from '@apotheca/contracts'
import type { Database } from '../db/database.ts'
import { createLogger } from '../logger.ts'
import { subscriptionsFor, type Consumer } from './consumer.ts'

const log = createLogger('silent')
const event = (type: string): EventEnvelope =>
  ({
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: randomUUID(),
    version: 1,
    payload: {},
    traceparent: null,
  }) as any

/** A database that records the SQL it is asked to run (the inbox's statements among them). */
function recordingDb(): Database & { sql: string[] } {
  const sql: string[] = []
  const query = async (text: string) => {
    sql.push(text)
    return { rows: [], rowCount: 1 }
  }
  return { sql, kind: 'pglite', query, exec: async () => {}, transaction: async (fn: any) => fn({ query, afterCommit: () => {} }) } as any
}

const consumer = (name: string, broadcast: boolean, seen: string[], fail = false): Consumer => ({
  name,
  types: ['catalog.import.completed.v1'],
  ...(broadcast ? { broadcast } : {}),
  async handle(env) {
    if (fail) throw new Error('boom')
    seen.push(`${name}:${env.type}`)
  },
})

test("a service's consumers become one subscription handled once and one broadcast subscription", () => {
  const db = recordingDb()
  const subs = subscriptionsFor('catalog', [consumer('once', false, []), consumer('cache', true, [])], db, log)
  assert.deepEqual(
    subs.map((s) => [s.service, s.types, s.broadcast ?? false]),
    [
      ['catalog', ['catalog.import.completed.v1'], false],
      ['catalog', ['catalog.import.completed.v1'], true],
    ],
  )
  assert.deepEqual(subscriptionsFor('catalog', [consumer('once', false, [])], db, log).length, 1)
  assert.deepEqual(subscriptionsFor('catalog', [], db, log), [])
})

test('a broadcast consumer bypasses the inbox, and its failure is logged, not thrown', async () => {
  const db = recordingDb()
  const seen: string[] = []
  const [sub] = subscriptionsFor('catalog', [consumer('cache', true, seen), consumer('broken', true, seen, true)], db, log)
  await sub!.deliver(event('catalog.import.completed.v1'))
  assert.deepEqual(seen, ['cache:catalog.import.completed.v1'])
  assert.ok(!db.sql.some((s) => s.includes('inbox')), db.sql.join('\n'))
})

test('an ordinary consumer still records the event in the inbox', async () => {
  const db = recordingDb()
  const seen: string[] = []
  const [sub] = subscriptionsFor('catalog', [consumer('once', false, seen)], db, log)
  await sub!.deliver(event('catalog.import.completed.v1'))
  assert.deepEqual(seen, ['once:catalog.import.completed.v1'])
  assert.ok(db.sql.some((s) => s.includes('catalog.inbox')))
})
