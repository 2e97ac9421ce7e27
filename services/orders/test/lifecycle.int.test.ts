import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { drug, envelope, fakePlatform, prescription } from './fakes.ts'

let rt: TestRuntime
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
})
after(async () => {
  await rt?.close()
})

/** A paid order of one Rx drug (30 units); returns its ids and the patient's token. */
async function paidOrder(o: { controlled?: boolean } = {}) {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const d = drug({ rx_only: true, price: { amount: 200, currency: 'USD' }, dea_schedule: o.controlled ? 'CII' : null })
  const rx = prescription(patientId, d.drug_id)
  fake.drugs.set(d.drug_id, d)
  fake.prescriptions.set(rx.prescription_id, rx)
  fake.stock.set(d.drug_id, 100)
  await rt.request('POST', '/cart/items', { token, body: { drug_id: d.drug_id, quantity: 30, prescription_id: rx.prescription_id } })
  const r = await rt.request('POST', '/cart/checkout', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  return { patientId, token, drugId: d.drug_id, prescriptionId: rx.prescription_id, orderId: r.json.order_id as string }
}

const pharmacist = () => rt.token('pharmacist', { mfa: true })
const status = async (orderId: string) => (await rt.request('GET', `/orders/${orderId}/status`, { token: await rt.token('admin') })).json
const shipmentCreated = (orderId: string, patientId: string, shipmentId: string) =>
  envelope('delivery.shipment.created.v1', shipmentId, {
    shipment_id: shipmentId,
    order_id: orderId,
    patient_id: patientId,
    carrier: 'local',
    tracking_number: 'APO123456',
    driver_id: null,
    status: 'label_created',
  })
const shipmentMoved = (orderId: string, patientId: string, shipmentId: string, from: string, to: string) =>
  envelope('delivery.shipment.status_changed.v1', shipmentId, {
    shipment_id: shipmentId,
    order_id: orderId,
    patient_id: patientId,
    from,
    status: to,
    occurred_at: new Date().toISOString(),
  })

test("a patient reads their own order's status; another patient gets 404, staff may read it", async () => {
  const o = await paidOrder()
  const mine = await rt.request('GET', `/orders/${o.orderId}/status`, { token: o.token })
  assert.equal(mine.status, 200)
  for (const k of [
    'order_id',
    'order_status',
    'payment_status',
    'total_amount',
    'currency',
    'shipment_id',
    'carrier',
    'tracking_number',
    'estimated_delivery_at',
    'items',
    'history',
  ])
    assert.ok(k in mine.json, k)
  const stranger = await rt.request('GET', `/orders/${o.orderId}/status`, { token: await rt.token('patient') })
  assert.equal(stranger.status, 404)
  assert.equal((await rt.request('GET', `/orders/${randomUUID()}/status`, { token: o.token })).status, 404)
  assert.equal((await rt.request('GET', `/orders/${o.orderId}/status`, { token: await rt.token('technician') })).status, 200)
  assert.equal((await rt.request('GET', `/orders/${o.orderId}/status`, { token: await rt.token('driver') })).status, 403)
})

test('cancelling a paid order refunds the capture and releases the stock; cancelling again changes nothing', async () => {
  const o = await paidOrder()
  assert.equal(fake.reservedOf(o.drugId), 30)
  const stranger = await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: await rt.token('patient'), body: {} })
  assert.equal(stranger.status, 404)
  const r = await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: o.token, body: {} })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.deepEqual(r.json, { order_id: o.orderId, order_status: 'cancelled', payment_status: 'refunded' })
  assert.equal(fake.reservedOf(o.drugId), 0)
  const intent = await rt.db.query(
    `SELECT i.status, i.amount_refunded, i.amount_received FROM orders.local_payment_intents i JOIN orders.orders o ON o.payment_intent_id = i.id WHERE o.order_id = $1`,
    [o.orderId],
  )
  assert.equal(Number(intent.rows[0]!.amount_refunded), Number(intent.rows[0]!.amount_received))
  const again = await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: o.token })
  assert.deepEqual(again.json, r.json)
  const s = await status(o.orderId)
  assert.deepEqual(
    s.history.slice(-2).map((h: any) => [h.to, h.payment_status, h.reason]),
    [
      ['cancelled', 'captured', 'customer_request'],
      ['cancelled', 'refunded', 'payment_refunded'],
    ],
  )
})

test('fulfilment: pharmacist with a second factor, only from paid, announced to inventory', async () => {
  const o = await paidOrder()
  assert.equal(
    (await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await rt.token('pharmacist'), body: {} })).status,
    403,
    'a second factor is required',
  )
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: o.token, body: {} })).status, 403, 'not for patients')
  const r = await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  assert.equal(r.status, 202, JSON.stringify(r.json))
  assert.deepEqual(r.json, { order_id: o.orderId, order_status: 'fulfilling' })
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM orders.outbox WHERE aggregate_id = $1 AND type = 'orders.order.fulfilment_requested.v1'`,
    [o.orderId],
  )
  assert.equal(rows.length, 1)
  assert.equal(rows[0]!.payload.patient_id, o.patientId)
  assert.ok(rows[0]!.payload.reservation_id)
  assert.deepEqual(
    fake.fills.get(`${o.prescriptionId}/${o.orderId}`),
    { prescription_id: o.prescriptionId, order_id: o.orderId, quantity: 30 },
    'the prescription was filled for the order',
  )
  const twice = await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  assert.equal(twice.status, 409)
  assert.match(twice.json.type, /illegal-transition/)
})

test('a prescription that cannot be dispensed any more stops fulfilment: 409, the order stays paid, inventory is not asked', async () => {
  const o = await paidOrder()
  fake.prescriptions.get(o.prescriptionId)!.dispensable = false // e.g. changed after verification: prescriptions refuses the fill
  const r = await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  assert.equal(r.status, 409, JSON.stringify(r.json))
  assert.match(r.json.type, /prescription-not-dispensable$/)
  assert.equal(r.json.prescription_id, o.prescriptionId)
  assert.equal(r.json.reason, 'not-dispensable')
  assert.equal((await status(o.orderId)).order_status, 'paid')
  const { rows } = await rt.db.query(
    `SELECT 1 FROM orders.outbox WHERE aggregate_id = $1 AND type = 'orders.order.fulfilment_requested.v1'`,
    [o.orderId],
  )
  assert.equal(rows.length, 0)
})

test('stock that cannot supply a fulfilment cancels the order and refunds it (the saga compensates)', async () => {
  const o = await paidOrder()
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })).status, 202)
  const { rows } = await rt.db.query<{ reservation_id: string }>(`SELECT reservation_id FROM orders.orders WHERE order_id = $1`, [
    o.orderId,
  ])
  const failed = envelope('inventory.reservation.commit_failed.v1', rows[0]!.reservation_id, {
    reservation_id: rows[0]!.reservation_id,
    order_id: o.orderId,
    shortages: [{ drug_id: o.drugId, requested: 30, available: 0 }],
  })
  await rt.bus.publish([failed])
  await rt.bus.publish([failed])
  const s = await status(o.orderId)
  assert.deepEqual([s.order_status, s.payment_status], ['cancelled', 'refunded'])
  assert.deepEqual(
    s.history.slice(-2).map((h: any) => [h.from, h.to, h.reason]),
    [
      ['fulfilling', 'cancelled', 'out_of_stock_at_dispensing'],
      ['cancelled', 'cancelled', 'payment_refunded'],
    ],
  )
})

test('a controlled substance is fulfilled with a fresh second factor (staleness: domain/dispensing.test.ts)', async () => {
  const o = await paidOrder({ controlled: true })
  const r = await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  assert.equal(r.status, 202, JSON.stringify(r.json))
})

test('shipment events: created sets tracking, delivered arriving first goes through shipped, repeats change nothing', async () => {
  const o = await paidOrder()
  await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  const shipmentId = randomUUID()
  const delivered = shipmentMoved(o.orderId, o.patientId, shipmentId, 'out_for_delivery', 'delivered')
  await rt.bus.publish([shipmentCreated(o.orderId, o.patientId, shipmentId)])
  let s = await status(o.orderId)
  assert.deepEqual([s.order_status, s.shipment_id, s.carrier, s.tracking_number], ['fulfilling', shipmentId, 'local', 'APO123456'])
  await rt.bus.publish([delivered])
  s = await status(o.orderId)
  assert.equal(s.order_status, 'delivered')
  assert.deepEqual(
    s.history.slice(-2).map((h: any) => [h.from, h.to]),
    [
      ['fulfilling', 'shipped'],
      ['shipped', 'delivered'],
    ],
  )
  await rt.bus.publish([delivered, shipmentMoved(o.orderId, o.patientId, shipmentId, 'assigned', 'in_transit')])
  const after = await status(o.orderId)
  assert.equal(after.order_status, 'delivered')
  assert.equal(after.history.length, s.history.length)
  const cancel = await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: o.token })
  assert.equal(cancel.status, 409, 'a delivered order cannot be cancelled')
})

test('in transit moves a fulfilling order to shipped, and an order with a shipment cannot be cancelled', async () => {
  const o = await paidOrder()
  await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  const shipmentId = randomUUID()
  await rt.bus.publish([shipmentCreated(o.orderId, o.patientId, shipmentId)])
  assert.equal((await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: await rt.token('admin') })).status, 409)
  await rt.bus.publish([shipmentMoved(o.orderId, o.patientId, shipmentId, 'assigned', 'in_transit')])
  assert.equal((await status(o.orderId)).order_status, 'shipped')
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM orders.outbox WHERE aggregate_id = $1 AND type = 'orders.order.status_changed.v1' ORDER BY seq DESC LIMIT 1`,
    [o.orderId],
  )
  assert.deepEqual([rows[0]!.payload.from, rows[0]!.payload.order_status], ['fulfilling', 'shipped'])
})

test('inventory events keep track of the hold; a lapsed hold is still named at fulfilment (inventory re-picks it)', async () => {
  const o = await paidOrder()
  const { rows } = await rt.db.query<{ reservation_id: string }>(`SELECT reservation_id FROM orders.orders WHERE order_id = $1`, [
    o.orderId,
  ])
  const held = rows[0]!.reservation_id
  fake.reservations.get(held)!.status = 'released'
  await rt.bus.publish([
    envelope('inventory.reservation.released.v1', held, { reservation_id: held, order_id: o.orderId, reason: 'hold_expired' }),
  ])
  const lapsed = await rt.db.query<{ reservation_status: string }>(`SELECT reservation_status FROM orders.orders WHERE order_id = $1`, [
    o.orderId,
  ])
  assert.equal(lapsed.rows[0]!.reservation_status, 'released')
  const r = await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  assert.equal(r.status, 202)
  const ev = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM orders.outbox WHERE aggregate_id = $1 AND type = 'orders.order.fulfilment_requested.v1'`,
    [o.orderId],
  )
  assert.equal(ev.rows[0]!.payload.reservation_id, held)
  await rt.bus.publish([
    envelope('inventory.reservation.committed.v1', held, { reservation_id: held, order_id: o.orderId, patient_id: o.patientId, picks: [] }),
  ])
  const committed = await rt.db.query<{ reservation_status: string }>(`SELECT reservation_status FROM orders.orders WHERE order_id = $1`, [
    o.orderId,
  ])
  assert.equal(committed.rows[0]!.reservation_status, 'committed')
})

test('the delivery estimate of shipment events shows on the status; an event without one keeps it', async () => {
  const o = await paidOrder()
  await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })
  const shipmentId = randomUUID()
  const created = shipmentCreated(o.orderId, o.patientId, shipmentId)
  created.payload.estimated_delivery_at = '2030-05-01T15:00:00Z'
  await rt.bus.publish([created])
  assert.equal((await status(o.orderId)).estimated_delivery_at, '2030-05-01T15:00:00.000Z')
  const moved = shipmentMoved(o.orderId, o.patientId, shipmentId, 'assigned', 'in_transit')
  await rt.bus.publish([moved])
  assert.equal((await status(o.orderId)).estimated_delivery_at, '2030-05-01T15:00:00.000Z')
  const revised = shipmentMoved(o.orderId, o.patientId, shipmentId, 'in_transit', 'out_for_delivery')
  revised.payload.estimated_delivery_at = '2030-05-01T11:30:00Z'
  await rt.bus.publish([revised])
  const s = await status(o.orderId)
  assert.deepEqual([s.order_status, s.estimated_delivery_at], ['shipped', '2030-05-01T11:30:00.000Z'])
})
