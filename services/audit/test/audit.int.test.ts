import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import audit from '../src/module.ts'

let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [audit] })
})
after(async () => {
  await rt?.close()
})

const event = (orderId: string, type = 'orders.order.placed.v1') =>
  ({
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: orderId,
    version: 1,
    traceparent: null,
    payload: { order_id: orderId, patient_id: randomUUID(), items: [], total_amount: 100, currency: 'USD' },
  }) as any

test('every event is recorded once, found by its resource, and the chain verifies', async () => {
  const orderId = randomUUID()
  const e = event(orderId)
  await rt.bus.publish([e, event(orderId, 'orders.order.status_changed.v1')])
  await rt.bus.publish([e]) // a redelivery changes nothing
  const admin = await rt.token('admin')
  const r = await rt.request('GET', `/audit/events?resource_id=${orderId}`, { token: admin })
  assert.equal(r.status, 200)
  assert.equal(r.json.events.length, 2)
  const v = await rt.request('GET', '/audit/verify', { token: admin })
  assert.equal(v.status, 200)
  assert.equal(v.json.valid, true)
  assert.ok(v.json.entries >= 2)
})

test('the log is append-only: the database refuses to change an entry', async () => {
  await assert.rejects(rt.db.query(`UPDATE audit.entries SET details = '{}'::jsonb`), /append-only/)
})

test('a patient cannot read the audit log, and an anonymous caller must authenticate', async () => {
  assert.equal((await rt.request('GET', '/audit/verify', { token: await rt.token('patient') })).status, 403)
  const anon = await rt.request('GET', '/audit/verify')
  assert.equal(anon.status, 401)
  assert.match(anon.json.type, /unauthorized/)
})

test('a bad query is a 400 problem naming the field', async () => {
  const r = await rt.request('GET', '/audit/events', { token: await rt.token('auditor') })
  assert.equal(r.status, 400)
  assert.equal(r.json.errors[0].field, 'query.resource_id')
})

test('a NUL in resource_id is a 400 naming the field (PostgreSQL cannot compare it), and the refused read is not recorded', async () => {
  const readerId = randomUUID()
  const r = await rt.request('GET', '/audit/events?resource_id=a%00b', { token: await rt.token('auditor', { sub: readerId }) })
  assert.equal(r.status, 400, JSON.stringify(r.json))
  assert.match(r.json.type, /\/validation$/)
  assert.equal(r.json.errors[0].field, 'query.resource_id')
  const { rows } = await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.outbox WHERE aggregate_id = $1`, [readerId])
  assert.equal(rows[0]!.n, 0)
})
