import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventSchemas } from '@apotheca/contracts'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { ledgerMismatches } from '../src/db/batch.repository.ts'
import { drug, envelope, inDays, internalToken, outbox, startCatalogStub, startWithCatalogStub, stockBatch } from './support.ts'

let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime
let token: string

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub())
  token = await internalToken()
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const reserve = (drugId: string, quantity: number) =>
  rt.request('POST', '/internal/reservations', {
    token,
    body: { order_id: randomUUID(), patient_id: randomUUID(), items: [{ drug_id: drugId, quantity }] },
  })
const recall = async (drugId: string, body: Record<string, unknown>, role: 'pharmacist' | 'technician' = 'pharmacist') =>
  rt.request('POST', `/inventory/${drugId}/recall`, { token: await rt.token(role), body })

test('a recall blocks the lot at every location and names the open orders and the patients supplied from it', async () => {
  const d = drug(`Recall ${randomUUID()}`)
  catalog.state.drugs.push(d)
  const uptown = randomUUID()
  await rt.db.query(`INSERT INTO inventory.locations (location_id, name, kind) VALUES ($1, $2, 'warehouse')`, [uptown, `Uptown ${uptown}`])
  await stockBatch(rt, { drug_id: d.drug_id, batch_number: 'LOT-R', expiry_date: inDays(100), quantity: 6 })
  await stockBatch(rt, { drug_id: d.drug_id, batch_number: 'LOT-R', expiry_date: inDays(100), quantity: 4, location_id: uptown })
  await stockBatch(rt, { drug_id: d.drug_id, batch_number: 'LOT-OK', expiry_date: inDays(400), quantity: 10 })
  const supplied = await reserve(d.drug_id, 2)
  const s = supplied.json
  await rt.bus.publish([
    envelope('orders.order.fulfilment_requested.v1', s.order_id, {
      order_id: s.order_id,
      patient_id: s.patient_id,
      reservation_id: s.reservation_id,
      actor_id: null,
    }),
  ])
  const open = await reserve(d.drug_id, 1)
  assert.deepEqual(
    open.json.picks.map((p: any) => p.batch_number),
    ['LOT-R'],
  )

  const r = await recall(d.drug_id, { batch_number: 'LOT-R', reason: 'FDA class II: sub-potent' })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.deepEqual(
    r.json.batches.map((b: any) => b.status),
    ['recalled', 'recalled'],
  )
  assert.deepEqual(r.json.open_orders, [{ order_id: open.json.order_id, reservation_id: open.json.reservation_id, quantity: 1 }])
  assert.deepEqual(r.json.supplied, [{ order_id: s.order_id, patient_id: s.patient_id, quantity: 2 }])
  const event = (await outbox(rt, d.drug_id)).find((e) => e.type === 'inventory.stock.recalled.v1')!
  assert.deepEqual(eventSchemas['inventory.stock.recalled.v1'].parse(event.payload).open_orders, r.json.open_orders)
  assert.equal(event.payload.location_ids.length, 2)
  assert.equal(event.payload.quantity_on_hand, 8)

  // Blocked: no new reservation takes it, no adjustment brings it back, and the open order is supplied from another lot.
  const next = await reserve(d.drug_id, 5)
  assert.deepEqual(
    next.json.picks.map((p: any) => p.batch_number),
    ['LOT-OK'],
  )
  const back = await rt.request('PUT', `/inventory/${d.drug_id}/adjust`, {
    token: await rt.token('admin'),
    body: { quantity_delta: 0, reason: 'release', batch_number: 'LOT-R' },
  })
  assert.equal(back.status, 409)
  const o = open.json
  await rt.bus.publish([
    envelope('orders.order.fulfilment_requested.v1', o.order_id, {
      order_id: o.order_id,
      patient_id: o.patient_id,
      reservation_id: o.reservation_id,
      actor_id: null,
    }),
  ])
  const committed = (await outbox(rt, o.reservation_id)).find((e) => e.type === 'inventory.reservation.committed.v1')!
  assert.deepEqual(
    committed.payload.picks.map((p: any) => [p.batch_number, p.quantity]),
    [['LOT-OK', 1]],
  )
  const { rows } = await rt.db.query(
    `SELECT count(*)::int AS n FROM inventory.ledger WHERE drug_id = $1 AND reason = 'recall' AND source LIKE 'recall:%'`,
    [d.drug_id],
  )
  assert.equal(rows[0]!.n, 2)
  assert.deepEqual(await ledgerMismatches(rt.db, d.drug_id), [])
})

test('recall refusals: unknown lot 404, a technician 403, no reason 400; nothing changes', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'KEEP', expiry_date: inDays(300), quantity: 5 })
  assert.equal((await recall(drugId, { batch_number: 'NOPE', reason: 'x' })).status, 404)
  assert.equal((await recall(drugId, { batch_number: 'KEEP', reason: 'x' }, 'technician')).status, 403)
  assert.equal((await recall(drugId, { batch_number: 'KEEP' })).status, 400)
  const { rows } = await rt.db.query(`SELECT status FROM inventory.batches WHERE drug_id = $1`, [drugId])
  assert.deepEqual(rows, [{ status: 'available' }])
  assert.deepEqual(await outbox(rt, drugId), [])
})

test('a recall again changes nothing more and names the same orders; Idempotency-Key replays the answer', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'TWICE', expiry_date: inDays(300), quantity: 5 })
  const key = { 'idempotency-key': randomUUID() }
  const body = { batch_number: 'TWICE', reason: 'precaution' }
  const first = await rt.request('POST', `/inventory/${drugId}/recall`, { token: await rt.token('admin'), body, headers: key })
  const replay = await rt.request('POST', `/inventory/${drugId}/recall`, { token: await rt.token('admin'), body, headers: key })
  assert.deepEqual([first.status, replay.status, replay.headers['idempotent-replayed']], [200, 200, 'true'])
  assert.equal(replay.json.recall_id, first.json.recall_id)
  const again = await recall(drugId, body)
  assert.equal(again.status, 200)
  const { rows } = await rt.db.query(`SELECT count(*)::int AS n FROM inventory.ledger WHERE drug_id = $1 AND reason = 'recall'`, [drugId])
  assert.equal(rows[0]!.n, 1)
})
