import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { outboxEnvelope } from './outbox-envelope.ts'
import { createPublisher } from './publisher.ts'

const payload = () => ({ reservation_id: randomUUID(), order_id: randomUUID(), picks: [], expires_at: new Date().toISOString() })

test('outboxEnvelope builds the row the publisher would write, payload checked by the contract', () => {
  const p = payload()
  const e = outboxEnvelope('inventory.reservation.created.v1', p.reservation_id, p, { traceparent: '00-abc-def-01' })
  assert.match(e.id, /^[0-9a-f-]{36}$/)
  assert.deepEqual(
    { ...e, id: undefined, occurred_at: undefined },
    {
      id: undefined,
      occurred_at: undefined,
      type: 'inventory.reservation.created.v1',
      aggregate_id: p.reservation_id,
      version: 1,
      payload: p,
      traceparent: '00-abc-def-01',
    },
  )
  assert.ok(Math.abs(Date.parse(e.occurred_at) - Date.now()) < 5000)
  assert.equal(outboxEnvelope('inventory.reservation.created.v1', p.reservation_id, p).traceparent, null)
})

test('outboxEnvelope refuses a payload the contract refuses', () => {
  assert.throws(() => outboxEnvelope('inventory.reservation.created.v1', 'x', { ...payload(), order_id: 'not-a-uuid' }))
})

test('a publisher exposes its relay nudge for rows written by SQL', () => {
  let nudged = 0
  createPublisher('inventory', () => nudged++).committed()
  assert.equal(nudged, 1)
})
