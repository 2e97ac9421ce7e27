import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import delivery from '../src/module.ts'
import { isValidTrackingNumber } from '../src/domain/tracking-number.ts'
import { accountCreated, captureEvents, reservationCommitted, startIdentityStub, waitFor, zipFromData } from './delivery.factories.ts'

let rt: TestRuntime
let identity: Awaited<ReturnType<typeof startIdentityStub>>
let events: ReturnType<typeof captureEvents>
before(async () => {
  identity = await startIdentityStub()
  rt = await startTestRuntime({ modules: [delivery], env: { APOTHECA_SERVICE_URLS: `identity=${identity.url}` } })
  events = captureEvents(rt)
})
after(async () => {
  await rt?.close()
  await identity?.close()
})

const createdFor = (orderId: string) =>
  waitFor(`shipment of ${orderId}`, () =>
    events.find((e) => e.type === 'delivery.shipment.created.v1' && (e.payload as any).order_id === orderId),
  )

const driverAt = async (point: { lat: number; lng: number } | null) => {
  const env = accountCreated('driver')
  await rt.bus.publish([env])
  const id = env.aggregate_id
  const token = await rt.token('driver', { sub: id })
  const r = await rt.request('PUT', '/drivers/me/availability', {
    token,
    body: { status: 'available', ...(point ? { location: point } : {}) },
  })
  assert.equal(r.status, 200)
  return { id, token }
}

test('the ZIP centroids ship with the service and are loaded on start', async () => {
  const { rows } = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM delivery.zip_centroids')
  assert.ok(rows[0]!.n > 20_000, `${rows[0]!.n} centroids`)
})

// First in the file, while no driver exists.
test('with no driver and no known address, the shipment is created once: label_created, no destination', async () => {
  const orderId = randomUUID()
  const env = reservationCommitted(orderId, randomUUID())
  await rt.bus.publish([env])
  await rt.bus.publish([env]) // a redelivery
  await rt.bus.publish([reservationCommitted(orderId, (env.payload as any).patient_id)]) // the same order again, another event
  const created = await createdFor(orderId)
  const p = created.payload as any
  assert.equal(p.status, 'label_created')
  assert.equal(p.driver_id, null)
  assert.equal(p.carrier, 'apotheca-fleet')
  assert.ok(isValidTrackingNumber(p.tracking_number), p.tracking_number)
  assert.equal(created.aggregate_id, p.shipment_id)
  const r = await rt.request('GET', `/deliveries/${p.shipment_id}`, { token: await rt.token('admin') })
  assert.equal(r.status, 200)
  assert.equal(r.json.destination, null)
  assert.equal(r.json.tracking_number, p.tracking_number)
  assert.deepEqual(
    r.json.events.map((e: any) => e.status),
    ['label_created'],
  )
  await rt.drain()
  assert.equal(events.filter((e) => (e.payload as any).order_id === orderId).length, 1)
})

test('a driver account registers a driver of the fleet; other roles and redeliveries do not', async () => {
  const env = accountCreated('driver')
  await rt.bus.publish([env, env, accountCreated('patient')])
  const { rows } = await rt.db.query('SELECT status FROM delivery.drivers WHERE driver_id = $1', [env.aggregate_id])
  assert.deepEqual(rows, [{ status: 'available' }])
  const mine = await rt.request('GET', '/drivers/me/shipments', { token: await rt.token('driver', { sub: env.aggregate_id }) })
  assert.deepEqual(mine.json, { shipments: [] })
  const unknown = await rt.request('PUT', '/drivers/me/availability', { token: await rt.token('driver'), body: { status: 'off_duty' } })
  assert.equal(unknown.status, 404)
})

test('the address is geocoded to its ZIP centroid and a driver is assigned', async () => {
  await driverAt(null)
  const zip = await zipFromData(rt, { offset: 100 })
  const orderId = randomUUID()
  const patientId = randomUUID()
  identity.patients.set(patientId, { zip: `${zip.postal_code}-1234` })
  await rt.bus.publish([reservationCommitted(orderId, patientId)])
  const p = (await createdFor(orderId)).payload as any
  assert.equal(p.status, 'assigned')
  assert.ok(p.driver_id)
  const r = await rt.request('GET', `/deliveries/${p.shipment_id}`, { token: await rt.token('patient', { sub: patientId }) })
  assert.equal(r.status, 200)
  assert.equal(r.json.postal_code, zip.postal_code)
  assert.ok(Math.abs(r.json.destination.lat - zip.lat) < 1e-6 && Math.abs(r.json.destination.lng - zip.lng) < 1e-6)
  assert.ok(Date.parse(r.json.estimated_delivery_at) > Date.now())
  assert.deepEqual(
    r.json.events.map((e: any) => e.status),
    ['label_created', 'assigned'],
  )
  const open = await rt.request('GET', '/drivers/me/shipments', { token: await rt.token('driver', { sub: p.driver_id }) })
  assert.ok(open.json.shipments.some((s: any) => s.shipment_id === p.shipment_id))
})

test('the nearest available driver is chosen by PostGIS distance', async () => {
  const zip = await zipFromData(rt, 'northernmost')
  const near = await driverAt({ lat: zip.lat - 0.05, lng: zip.lng })
  const far = await driverAt({ lat: zip.lat - 1.5, lng: zip.lng })
  const offDuty = await driverAt({ lat: zip.lat, lng: zip.lng })
  await rt.request('PUT', '/drivers/me/availability', { token: offDuty.token, body: { status: 'off_duty' } })
  const orderId = randomUUID()
  const patientId = randomUUID()
  identity.patients.set(patientId, { zip: zip.postal_code })
  await rt.bus.publish([reservationCommitted(orderId, patientId)])
  const p = (await createdFor(orderId)).payload as any
  assert.equal(p.driver_id, near.id)
  assert.notEqual(p.driver_id, far.id)
})

test('an address identity has not got, or outside the US, ships without a destination', async () => {
  for (const answer of ['no-address', { zip: 'K1A 0B1', country: 'CA' }] as const) {
    const orderId = randomUUID()
    const patientId = randomUUID()
    identity.patients.set(patientId, answer)
    await rt.bus.publish([reservationCommitted(orderId, patientId)])
    const p = (await createdFor(orderId)).payload as any
    const r = await rt.request('GET', `/deliveries/${p.shipment_id}`, { token: await rt.token('pharmacist') })
    assert.equal(r.json.destination, null)
    assert.equal(r.json.postal_code, null)
  }
})

test('identity failing is retried; the shipment is created once it answers', async () => {
  const orderId = randomUUID()
  const patientId = randomUUID()
  identity.patients.set(patientId, 'unavailable')
  const env = reservationCommitted(orderId, patientId)
  await assert.rejects(rt.bus.publish([env]), /identity answered 503/)
  const none = await rt.db.query('SELECT 1 FROM delivery.shipments WHERE order_id = $1', [orderId])
  assert.equal(none.rows.length, 0)
  const zip = await zipFromData(rt, { offset: 200 })
  identity.patients.set(patientId, { zip: zip.postal_code })
  await rt.bus.publish([env])
  const p = (await createdFor(orderId)).payload as any
  const r = await rt.request('GET', `/deliveries/${p.shipment_id}`, { token: await rt.token('admin') })
  assert.equal(r.json.postal_code, zip.postal_code)
})

test('identity failing every time parks the event after the kernel attempts; nothing is created', async () => {
  const orderId = randomUUID()
  const patientId = randomUUID()
  identity.patients.set(patientId, 'unavailable')
  const env = reservationCommitted(orderId, patientId)
  for (let i = 0; i < 4; i++) await assert.rejects(rt.bus.publish([env]))
  await rt.bus.publish([env]) // the fifth attempt parks it
  const { rows } = await rt.db.query('SELECT attempts, parked_at FROM delivery.inbox_failures WHERE event_id = $1', [env.id])
  assert.equal(rows[0]?.attempts, 5)
  assert.ok(rows[0]?.parked_at)
  assert.equal((await rt.db.query('SELECT 1 FROM delivery.shipments WHERE order_id = $1', [orderId])).rows.length, 0)
})

test('only its patient, its driver and staff see a shipment; others get 404', async () => {
  const orderId = randomUUID()
  const patientId = randomUUID()
  await rt.bus.publish([reservationCommitted(orderId, patientId)])
  const p = (await createdFor(orderId)).payload as any
  const url = `/deliveries/${p.shipment_id}`
  assert.equal((await rt.request('GET', url, { token: await rt.token('patient', { sub: patientId }) })).status, 200)
  assert.equal((await rt.request('GET', url, { token: await rt.token('driver', { sub: p.driver_id }) })).status, 200)
  assert.equal((await rt.request('GET', url, { token: await rt.token('technician') })).status, 200)
  assert.equal((await rt.request('GET', url, { token: await rt.token('patient') })).status, 404)
  assert.equal((await rt.request('GET', url, { token: await rt.token('driver') })).status, 404)
  assert.equal((await rt.request('GET', url, { token: await rt.token('auditor') })).status, 403)
  assert.equal((await rt.request('GET', url)).status, 401)
  assert.equal((await rt.request('GET', `/deliveries/${randomUUID()}`, { token: await rt.token('admin') })).status, 404)
  const bad = await rt.request('GET', '/deliveries/not-a-uuid', { token: await rt.token('admin') })
  assert.equal(bad.status, 400)
  assert.equal(bad.json.errors[0].field, 'params.shipmentId')
})
