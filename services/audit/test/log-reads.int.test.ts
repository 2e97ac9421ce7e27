import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import audit from '../src/module.ts'

// Reads of the audit log are themselves audited (audit.log.read.v1, through the audit outbox).
let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [audit] })
})
after(async () => {
  await rt?.close()
})

const event = (orderId: string) =>
  ({
    id: randomUUID(),
    type: 'orders.order.placed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: orderId,
    version: 1,
    traceparent: null,
    payload: { order_id: orderId, patient_id: randomUUID(), items: [], total_amount: 100, currency: 'USD' },
  }) as any

/** The reads recorded for a reader, as chain entries (queried by another admin, after the relay ran). */
async function readsBy(readerId: string) {
  await rt.drain()
  const r = await rt.request('GET', `/audit/events?resource_id=${readerId}`, { token: await rt.token('admin') })
  assert.equal(r.status, 200)
  return r.json.events as any[]
}

test('events, proof and export reads are recorded in the chain: who, which route, what range; the resource trail does not grow', async () => {
  const readerId = randomUUID()
  const reader = await rt.token('auditor', { sub: readerId })
  const orderId = randomUUID()
  const placed = event(orderId)
  await rt.bus.publish([placed])

  const trail = await rt.request('GET', `/audit/events?resource_id=${orderId}`, { token: reader })
  assert.equal(trail.json.events.length, 1)
  const seq = trail.json.events[0].seq
  assert.equal((await rt.request('POST', '/audit/checkpoints', { token: reader })).status < 300, true)
  const proof = await rt.request('GET', `/audit/proof?event_id=${placed.id}`, { token: reader })
  assert.equal(proof.status, 200)
  const page = await rt.app.inject({
    method: 'GET',
    url: `/audit/export?from_seq=${seq}&to_seq=${seq}`,
    headers: { authorization: `Bearer ${reader}` },
  })
  assert.equal(page.statusCode, 200)

  const reads = await readsBy(readerId)
  assert.deepEqual(
    reads.map((e) => [e.event_type, e.actor, e.details.route]),
    [
      ['audit.log.read.v1', readerId, 'events'],
      ['audit.log.read.v1', readerId, 'proof'],
      ['audit.log.read.v1', readerId, 'export'],
    ],
  )
  assert.deepEqual(reads[0].details, {
    actor_id: readerId,
    route: 'events',
    resource_id: orderId,
    event_id: null,
    from_seq: seq,
    to_seq: seq,
    entries: 1,
  })
  assert.deepEqual(reads[1].details, {
    actor_id: readerId,
    route: 'proof',
    resource_id: orderId,
    event_id: placed.id,
    from_seq: seq,
    to_seq: proof.json.checkpoint.seq,
    entries: proof.json.segment.length,
  })
  assert.deepEqual(reads[2].details, {
    actor_id: readerId,
    route: 'export',
    resource_id: null,
    event_id: null,
    from_seq: seq,
    to_seq: seq,
    entries: 1,
  })
  assert.deepEqual(reads[0].resource_ids, [readerId], 'keyed by the reader only')

  const again = await rt.request('GET', `/audit/events?resource_id=${orderId}`, { token: await rt.token('admin') })
  assert.equal(again.json.events.length, 1, "reading an order's trail does not add to it")
  assert.equal((await rt.request('GET', '/audit/verify', { token: reader })).json.valid, true)
})

test('recording a read does not loop: one entry per HTTP read, nothing more after the relay settles', async () => {
  const readerId = randomUUID()
  const reader = await rt.token('auditor', { sub: readerId })
  await rt.request('GET', `/audit/events?resource_id=${randomUUID()}`, { token: reader })
  assert.equal((await readsBy(readerId)).length, 1)
  await rt.drain()
  assert.equal((await readsBy(readerId)).length, 1)
})

test('a read that discloses nothing (unknown entry, refused caller, bad query) is not recorded; checkpoints and verify are not either', async () => {
  const readerId = randomUUID()
  const reader = await rt.token('auditor', { sub: readerId })
  assert.equal((await rt.request('GET', `/audit/proof?event_id=${randomUUID()}`, { token: reader })).status, 404)
  assert.equal((await rt.request('GET', '/audit/events', { token: reader })).status, 400)
  assert.equal((await rt.request('GET', '/audit/checkpoints', { token: reader })).status, 200)
  assert.equal((await rt.request('GET', '/audit/verify', { token: reader })).status, 200)
  const patientId = randomUUID()
  assert.equal((await rt.request('GET', '/audit/export', { token: await rt.token('patient', { sub: patientId }) })).status, 403)
  assert.deepEqual(await readsBy(readerId), [])
  assert.deepEqual(await readsBy(patientId), [])
})
