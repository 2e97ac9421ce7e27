import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventSchemas } from '@apotheca/contracts'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { expireHolds } from '../src/application/expire-holds.ts'
import { ledgerMismatches } from '../src/db/batch.repository.ts'
import { depsFor, envelope, inDays, internalToken, outbox, startCatalogStub, startWithCatalogStub, stockBatch } from './support.ts'

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

const reserve = (items: Array<{ drug_id: string; quantity: number }>, over: Record<string, unknown> = {}) =>
  rt.request('POST', '/internal/reservations', { token, body: { order_id: randomUUID(), patient_id: randomUUID(), items, ...over } })
const release = (id: string, reason = 'payment_failed') =>
  rt.request('POST', `/internal/reservations/${id}/release`, { token, body: { reason } })
const stockOf = async (drugId: string) => (await rt.request('GET', `/inventory/${drugId}`, { token: await rt.token('technician') })).json

test('FEFO: the earliest sellable expiry is picked, too-short shelf life and quarantined batches are skipped', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'SHORT', expiry_date: inDays(10), quantity: 50 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'QUAR', expiry_date: inDays(60), quantity: 50, status: 'quarantined' })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'LATE', expiry_date: inDays(700), quantity: 50 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'SOON', expiry_date: inDays(90), quantity: 4 })
  const r = await reserve([{ drug_id: drugId, quantity: 6 }])
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.status, 'held')
  assert.deepEqual(
    r.json.picks.map((p: any) => [p.batch_number, p.quantity]),
    [
      ['SOON', 4],
      ['LATE', 2],
    ],
  )
  assert.ok(Math.abs(new Date(r.json.expires_at).getTime() - Date.now() - 30 * 60_000) < 60_000)
  const events = await outbox(rt, r.json.reservation_id)
  assert.deepEqual(
    events.map((e) => e.type),
    ['inventory.reservation.created.v1'],
  )
  const payload = eventSchemas['inventory.reservation.created.v1'].parse(events[0]!.payload)
  assert.deepEqual(payload, {
    reservation_id: r.json.reservation_id,
    order_id: r.json.order_id,
    picks: r.json.picks,
    expires_at: r.json.expires_at,
  })
  const stock = await stockOf(drugId)
  assert.deepEqual([stock.quantity_on_hand, stock.quantity_reserved, stock.quantity_available], [154, 6, 48])
})

test('an order that cannot be supplied in full reserves nothing and names the short drugs', async () => {
  const plenty = randomUUID()
  const scarce = randomUUID()
  await stockBatch(rt, { drug_id: plenty, batch_number: 'P', expiry_date: inDays(300), quantity: 100 })
  await stockBatch(rt, { drug_id: scarce, batch_number: 'S', expiry_date: inDays(300), quantity: 2 })
  const orderId = randomUUID()
  const r = await reserve(
    [
      { drug_id: plenty, quantity: 5 },
      { drug_id: scarce, quantity: 3 },
    ],
    { order_id: orderId },
  )
  assert.equal(r.status, 409)
  assert.match(r.json.type, /out-of-stock/)
  assert.deepEqual(r.json.drug_ids, [scarce])
  assert.equal((await stockOf(plenty)).quantity_reserved, 0)
  assert.equal((await stockOf(scarce)).quantity_reserved, 0)
  const { rows } = await rt.db.query(`SELECT 1 FROM inventory.reservations WHERE order_id = $1`, [orderId])
  assert.equal(rows.length, 0)
})

test('the same order again answers its reservation; other items for it are a 409', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'I', expiry_date: inDays(300), quantity: 10 })
  const body = { order_id: randomUUID(), patient_id: randomUUID(), items: [{ drug_id: drugId, quantity: 3 }] }
  const first = await rt.request('POST', '/internal/reservations', { token, body })
  const again = await rt.request('POST', '/internal/reservations', { token, body })
  assert.deepEqual([first.status, again.status], [201, 200])
  assert.equal(again.json.reservation_id, first.json.reservation_id)
  assert.equal((await stockOf(drugId)).quantity_reserved, 3)
  const other = await rt.request('POST', '/internal/reservations', { token, body: { ...body, items: [{ drug_id: drugId, quantity: 4 }] } })
  assert.equal(other.status, 409)
})

test('release gives the stock back once; releasing again is a no-op; only services may call it', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'R', expiry_date: inDays(300), quantity: 10 })
  const r = await reserve([{ drug_id: drugId, quantity: 7 }])
  const rel = await release(r.json.reservation_id)
  assert.equal(rel.status, 200)
  assert.equal(rel.json.status, 'released')
  assert.equal((await release(r.json.reservation_id)).status, 200)
  assert.equal((await stockOf(drugId)).quantity_reserved, 0)
  const types = (await outbox(rt, r.json.reservation_id)).map((e) => e.type)
  assert.deepEqual(types, ['inventory.reservation.created.v1', 'inventory.reservation.released.v1'])
  assert.equal((await release(randomUUID())).status, 404)
  const asUser = await rt.request('POST', '/internal/reservations', {
    token: await rt.token('admin'),
    body: { order_id: randomUUID(), patient_id: randomUUID(), items: [{ drug_id: drugId, quantity: 1 }] },
  })
  assert.equal(asUser.status, 401)
})

test('held reservations past their hold are released by the expiry job', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'E', expiry_date: inDays(300), quantity: 10 })
  const lapsed = await reserve([{ drug_id: drugId, quantity: 4 }], { hold_minutes: 1 })
  const kept = await reserve([{ drug_id: drugId, quantity: 2 }], { hold_minutes: 60 })
  const later = new Date(Date.now() + 2 * 60_000)
  assert.ok((await expireHolds(depsFor(rt, catalog.url, () => later))) >= 1)
  assert.equal((await stockOf(drugId)).quantity_reserved, 2)
  const events = await outbox(rt, lapsed.json.reservation_id)
  assert.deepEqual(events.at(-1), {
    type: 'inventory.reservation.released.v1',
    payload: { reservation_id: lapsed.json.reservation_id, order_id: lapsed.json.order_id, reason: 'hold_expired' },
  })
  assert.equal((await outbox(rt, kept.json.reservation_id)).length, 1)
})

test('fulfilment commits the reservation: stock leaves the shelf, the ledger says dispensed, committed carries the picks', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'C1', expiry_date: inDays(100), quantity: 3 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'C2', expiry_date: inDays(500), quantity: 10 })
  const patientId = randomUUID()
  const r = await reserve([{ drug_id: drugId, quantity: 5 }], { patient_id: patientId })
  const evt = envelope('orders.order.fulfilment_requested.v1', r.json.order_id, {
    order_id: r.json.order_id,
    patient_id: patientId,
    reservation_id: r.json.reservation_id,
    actor_id: 'pharmacist-1',
  })
  await rt.bus.publish([evt])
  await rt.bus.publish([evt])
  await rt.bus.publish([{ ...evt, id: randomUUID() }])
  const stock = await stockOf(drugId)
  assert.deepEqual([stock.quantity_on_hand, stock.quantity_reserved], [8, 0])
  const committed = (await outbox(rt, r.json.reservation_id)).filter((e) => e.type === 'inventory.reservation.committed.v1')
  assert.equal(committed.length, 1)
  assert.equal(committed[0]!.payload.patient_id, patientId)
  assert.deepEqual(
    committed[0]!.payload.picks.map((p: any) => [p.batch_number, p.quantity]),
    [
      ['C1', 3],
      ['C2', 2],
    ],
  )
  const { rows } = await rt.db.query(
    `SELECT quantity_delta, reason, source, actor FROM inventory.ledger WHERE drug_id = $1 AND reason = 'dispensed' ORDER BY entry_id`,
    [drugId],
  )
  assert.deepEqual(
    rows,
    [-3, -2].map((d) => ({ quantity_delta: d, reason: 'dispensed', source: r.json.order_id, actor: 'pharmacist-1' })),
  )
  assert.equal((await release(r.json.reservation_id)).status, 409)
  assert.deepEqual(await ledgerMismatches(rt.db, drugId), [])
})

test('a hold that lapsed before fulfilment is picked again; a batch quarantined under a hold is swapped out', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'A', expiry_date: inDays(100), quantity: 5 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'B', expiry_date: inDays(400), quantity: 5 })
  const held = await reserve([{ drug_id: drugId, quantity: 2 }])
  await rt.db.query(`UPDATE inventory.batches SET status = 'quarantined' WHERE drug_id = $1 AND batch_number = 'A'`, [drugId])
  const lapsed = await reserve([{ drug_id: drugId, quantity: 1 }])
  await release(lapsed.json.reservation_id, 'hold_expired')
  for (const r of [held, lapsed]) {
    const p = { order_id: r.json.order_id, patient_id: r.json.patient_id, reservation_id: r.json.reservation_id, actor_id: null }
    await rt.bus.publish([envelope('orders.order.fulfilment_requested.v1', p.order_id, p)])
  }
  const stock = await stockOf(drugId)
  assert.deepEqual(
    stock.batches.map((b: any) => [b.batch_number, b.quantity_on_hand, b.quantity_reserved]),
    [
      ['A', 5, 0],
      ['B', 2, 0],
    ],
  )
  const picks = (await outbox(rt, held.json.reservation_id)).find((e) => e.type === 'inventory.reservation.committed.v1')!.payload.picks
  assert.deepEqual(
    picks.map((p: any) => [p.batch_number, p.quantity]),
    [['B', 2]],
  )
})

test('fulfilment that stock can no longer supply dispenses nothing, releases what was held and says commit_failed', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'Q', expiry_date: inDays(100), quantity: 3 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'R', expiry_date: inDays(400), quantity: 1 })
  const held = await reserve([{ drug_id: drugId, quantity: 3 }])
  const lapsed = await reserve([{ drug_id: drugId, quantity: 1 }])
  await release(lapsed.json.reservation_id, 'hold_expired')
  await rt.db.query(`UPDATE inventory.batches SET status = 'quarantined' WHERE drug_id = $1 AND batch_number = 'Q'`, [drugId])
  await reserve([{ drug_id: drugId, quantity: 1 }]) // someone else takes the last free unit
  for (const r of [held, lapsed]) {
    const p = { order_id: r.json.order_id, patient_id: r.json.patient_id, reservation_id: r.json.reservation_id, actor_id: null }
    await rt.bus.publish([envelope('orders.order.fulfilment_requested.v1', p.order_id, p)])
  }
  for (const r of [held, lapsed]) {
    const events = await outbox(rt, r.json.reservation_id)
    assert.ok(!events.some((e) => e.type === 'inventory.reservation.committed.v1'))
    assert.deepEqual(events.find((e) => e.type === 'inventory.reservation.commit_failed.v1')!.payload.shortages, [
      { drug_id: drugId, requested: r === held ? 3 : 1, available: 0 },
    ])
  }
  assert.deepEqual(
    (await outbox(rt, held.json.reservation_id)).filter((e) => e.type === 'inventory.reservation.released.v1').map((e) => e.payload.reason),
    ['unsuppliable'],
  )
  const stock = await stockOf(drugId)
  assert.deepEqual(
    stock.batches.map((b: any) => [b.batch_number, b.quantity_on_hand, b.quantity_reserved]),
    [
      ['Q', 3, 0],
      ['R', 1, 1],
    ],
    'nothing dispensed; the held units are free again',
  )
  assert.deepEqual(await ledgerMismatches(rt.db, drugId), [])
  const { rows } = await rt.db.query(
    `SELECT count(*)::int AS n FROM inventory.inbox_failures WHERE consumer = 'inventory.commit-on-fulfilment'`,
  )
  assert.equal(rows[0]!.n, 0, 'nothing retried or parked')
})

test('a cancelled order releases its held reservation; other status changes do not', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'X', expiry_date: inDays(300), quantity: 10 })
  const r = await reserve([{ drug_id: drugId, quantity: 4 }])
  const change = (order_status: string) =>
    envelope('orders.order.status_changed.v1', r.json.order_id, {
      order_id: r.json.order_id,
      patient_id: r.json.patient_id,
      from: 'pending',
      order_status,
      payment_status: 'voided',
      reason: null,
    })
  await rt.bus.publish([change('paid')])
  assert.equal((await stockOf(drugId)).quantity_reserved, 4)
  await rt.bus.publish([change('cancelled')])
  assert.equal((await stockOf(drugId)).quantity_reserved, 0)
  const released = (await outbox(rt, r.json.reservation_id)).filter((e) => e.type === 'inventory.reservation.released.v1')
  assert.deepEqual(
    released.map((e) => e.payload.reason),
    ['order_cancelled'],
  )
})

test('50 concurrent reservations of 1 unit against 20 in stock: exactly 20 succeed, never negative', async () => {
  const drugId = randomUUID()
  await stockBatch(rt, { drug_id: drugId, batch_number: 'C-A', expiry_date: inDays(200), quantity: 12 })
  await stockBatch(rt, { drug_id: drugId, batch_number: 'C-B', expiry_date: inDays(300), quantity: 8 })
  const answers = await Promise.all(Array.from({ length: 50 }, () => reserve([{ drug_id: drugId, quantity: 1 }])))
  assert.equal(answers.filter((a) => a.status === 201).length, 20)
  assert.equal(answers.filter((a) => a.status === 409).length, 30)
  const stock = await stockOf(drugId)
  assert.deepEqual([stock.quantity_on_hand, stock.quantity_reserved, stock.quantity_available], [20, 20, 0])
  assert.ok(stock.batches.every((b: any) => b.quantity_reserved <= b.quantity_on_hand && b.quantity_reserved >= 0))
})
