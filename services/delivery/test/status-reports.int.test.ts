import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { signPayload, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import delivery from '../src/module.ts'
import { accountCreated, captureEvents, reservationCommitted, startIdentityStub, waitFor } from './delivery.factories.ts'

let rt: TestRuntime
let identity: Awaited<ReturnType<typeof startIdentityStub>>
let events: ReturnType<typeof captureEvents>
before(async () => {
  identity = await startIdentityStub()
  rt = await startTestRuntime({ modules: [delivery], env: { APOTHECA_SERVICE_URLS: `identity=${identity.url}` } })
  events = captureEvents(rt)
  await rt.bus.publish([accountCreated('driver'), accountCreated('driver')])
})
after(async () => {
  await rt?.close()
  await identity?.close()
})

const CARRIER_SECRET = 'whsec_demo_carrier'
const here = { lat: 40.7505, lng: -73.9934 }
const at = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString()

/** A new shipment assigned to one of our drivers, with that driver's token. */
async function assignedShipment() {
  const orderId = randomUUID()
  await rt.bus.publish([reservationCommitted(orderId, randomUUID())])
  const created = await waitFor('shipment created', () =>
    events.find((e) => e.type === 'delivery.shipment.created.v1' && (e.payload as any).order_id === orderId),
  )
  const p = created.payload as { shipment_id: string; order_id: string; driver_id: string; tracking_number: string; status: string }
  assert.equal(p.status, 'assigned')
  return { ...p, url: `/deliveries/${p.shipment_id}/status`, driver: await rt.token('driver', { sub: p.driver_id }) }
}

const statusOf = async (shipmentId: string) =>
  (await rt.request('GET', `/deliveries/${shipmentId}`, { token: await rt.token('admin') })).json
const changesOf = (shipmentId: string) =>
  events.filter((e) => e.type === 'delivery.shipment.status_changed.v1' && (e.payload as any).shipment_id === shipmentId)

test('the driver goes out for delivery, then delivers with proof; each change is published', async () => {
  const s = await assignedShipment()
  const a = await rt.request('POST', s.url, { token: s.driver, body: { status: 'out_for_delivery', location: here, occurred_at: at() } })
  assert.equal(a.status, 200)
  assert.deepEqual(a.json, { shipment_id: s.shipment_id, status: 'out_for_delivery' })
  const b = await rt.request('POST', s.url, {
    token: s.driver,
    body: {
      status: 'delivered',
      location: { lat: 40.7484, lng: -73.9857 },
      occurred_at: at(1000),
      proof: { recipient_name: 'Ada Lovelace' },
    },
  })
  assert.equal(b.status, 200)
  assert.equal(b.json.status, 'delivered')
  const changes = await waitFor('two status changes', () => (changesOf(s.shipment_id).length === 2 ? changesOf(s.shipment_id) : undefined))
  assert.deepEqual(
    changes.map((e) => [(e.payload as any).from, (e.payload as any).status]),
    [
      ['assigned', 'out_for_delivery'],
      ['out_for_delivery', 'delivered'],
    ],
  )
  assert.equal((changes[1]!.payload as any).order_id, s.order_id)
  const tracking = await statusOf(s.shipment_id)
  assert.equal(tracking.status, 'delivered')
  assert.equal(tracking.version, 3)
  assert.deepEqual(tracking.events.at(-1).proof, { recipient_name: 'Ada Lovelace' })
  assert.deepEqual(tracking.events.at(-1).location, { lat: 40.7484, lng: -73.9857 })
  const open = await rt.request('GET', '/drivers/me/shipments', { token: s.driver })
  assert.ok(!open.json.shipments.some((x: any) => x.shipment_id === s.shipment_id))
  const { rows } = await rt.db.query('SELECT ST_Y(current_location::geometry) AS lat FROM delivery.drivers WHERE driver_id = $1', [
    s.driver_id,
  ])
  assert.equal(rows[0]!.lat, 40.7484) // the driver's last reported position
})

test('another driver cannot report on the shipment (404); an admin can', async () => {
  const s = await assignedShipment()
  const other = await rt.request('POST', s.url, {
    token: await rt.token('driver'),
    body: { status: 'out_for_delivery', location: here, occurred_at: at() },
  })
  assert.equal(other.status, 404)
  const patient = await rt.request('POST', s.url, {
    token: await rt.token('patient'),
    body: { status: 'out_for_delivery', location: here, occurred_at: at() },
  })
  assert.equal(patient.status, 403)
  const admin = await rt.request('POST', s.url, {
    token: await rt.token('admin'),
    body: { status: 'out_for_delivery', location: here, occurred_at: at() },
  })
  assert.equal(admin.status, 200)
  const unknown = await rt.request('POST', `/deliveries/${randomUUID()}/status`, {
    token: s.driver,
    body: { status: 'out_for_delivery', location: here, occurred_at: at() },
  })
  assert.equal(unknown.status, 404)
})

test('an illegal transition is a 409 and changes nothing', async () => {
  const s = await assignedShipment()
  const r = await rt.request('POST', s.url, { token: s.driver, body: { status: 'returned', location: here, occurred_at: at() } })
  assert.equal(r.status, 409)
  assert.match(r.json.type, /illegal-transition/)
  assert.equal(r.json.from, 'assigned')
  assert.equal((await statusOf(s.shipment_id)).events.length, 2)
})

test('delivered without proof of the recipient is a 422; nothing is stored', async () => {
  const s = await assignedShipment()
  await rt.request('POST', s.url, { token: s.driver, body: { status: 'out_for_delivery', location: here, occurred_at: at() } })
  for (const proof of [undefined, { note: 'left at the door' }]) {
    const r = await rt.request('POST', s.url, {
      token: s.driver,
      body: { status: 'delivered', location: here, occurred_at: at(1000), ...(proof ? { proof } : {}) },
    })
    assert.equal(r.status, 422)
    assert.equal(r.json.errors[0].field, 'body.proof.recipient_name')
  }
  const t = await statusOf(s.shipment_id)
  assert.equal(t.status, 'out_for_delivery')
  assert.equal(t.events.length, 3)
})

test('invalid status, latitude, longitude or time is a 400 naming the field; a time too far ahead is a 422', async () => {
  const s = await assignedShipment()
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ status: 'teleported', location: here, occurred_at: at() }, 'body.status'],
    [{ status: 'out_for_delivery', location: { lat: 91, lng: 0 }, occurred_at: at() }, 'body.location.lat'],
    [{ status: 'out_for_delivery', location: { lat: 0, lng: -181 }, occurred_at: at() }, 'body.location.lng'],
    [{ status: 'out_for_delivery', location: here, occurred_at: 'yesterday' }, 'body.occurred_at'],
    [{ status: 'out_for_delivery', location: here, occurred_at: '2026-02-30T10:00:00Z' }, 'body.occurred_at'],
    [{ status: 'out_for_delivery', location: here, occurred_at: '0000-01-01T00:00:00Z' }, 'body.occurred_at'],
    [{ status: 'out_for_delivery', location: here, occurred_at: '2026-01-01T10:00:00' }, 'body.occurred_at'],
    [{ status: 'delivered', location: here, occurred_at: at(), proof: { recipient_name: '  ' } }, 'body.proof.recipient_name'],
  ]
  for (const [body, field] of cases) {
    const r = await rt.request('POST', s.url, { token: s.driver, body })
    assert.equal(r.status, 400, JSON.stringify(body))
    assert.equal(r.json.errors[0].field, field)
  }
  // The server's clock is a rule no schema can state.
  const ahead = await rt.request('POST', s.url, {
    token: s.driver,
    body: { status: 'out_for_delivery', location: here, occurred_at: at(3_600_000) },
  })
  assert.equal(ahead.status, 422)
  assert.equal(ahead.json.type, 'https://apotheca.dev/problems/occurred-at-ahead')
  assert.equal(ahead.json.errors[0].field, 'body.occurred_at')
  assert.equal((await statusOf(s.shipment_id)).status, 'assigned')
  assert.equal((await statusOf(s.shipment_id)).events.length, 2)
})

test('a late report is recorded but never moves the status back', async () => {
  const s = await assignedShipment()
  await rt.request('POST', s.url, { token: s.driver, body: { status: 'out_for_delivery', location: here, occurred_at: at() } })
  await rt.request('POST', s.url, { token: s.driver, body: { status: 'failed_attempt', location: here, occurred_at: at(2000) } })
  const late = await rt.request('POST', s.url, {
    token: s.driver,
    body: { status: 'out_for_delivery', location: here, occurred_at: at(-60_000) },
  })
  assert.equal(late.status, 200)
  assert.equal(late.json.status, 'failed_attempt')
  const t = await statusOf(s.shipment_id)
  assert.equal(t.status, 'failed_attempt')
  const kept = t.events.find((e: any) => !e.applied)
  assert.equal(kept.status, 'out_for_delivery')
  await rt.drain()
  assert.equal(changesOf(s.shipment_id).length, 2)
})

test('a carrier signed call updates the shipment once per message_id; forged or unsigned → 401', async () => {
  const s = await assignedShipment()
  const body = {
    status: 'in_transit',
    location: here,
    occurred_at: at(),
    message_id: `msg-${randomUUID()}`,
    tracking_number: s.tracking_number,
  }
  const raw = JSON.stringify(body)
  let clock = Math.floor(Date.now() / 1000)
  // Each delivery is signed anew, as a carrier's retry is; the very same signed call is a replay (409).
  const signed = (text: string, secret = CARRIER_SECRET) => ({
    raw: text,
    headers: { 'apotheca-signature': signPayload(secret, text, clock--) },
  })
  const first = signed(raw)
  const r = await rt.request('POST', s.url, first)
  assert.equal(r.status, 200)
  assert.deepEqual(r.json, { shipment_id: s.shipment_id, status: 'in_transit' })
  const again = await rt.request('POST', s.url, signed(raw))
  assert.deepEqual([again.status, again.json], [200, r.json])
  assert.equal((await rt.request('POST', s.url, first)).status, 409)
  const t = await statusOf(s.shipment_id)
  assert.equal(t.events.filter((e: any) => e.source === 'carrier').length, 1)
  const reused = await rt.request('POST', s.url, signed(JSON.stringify({ ...body, status: 'out_for_delivery' })))
  assert.equal(reused.status, 422)
  const forged = await rt.request('POST', s.url, signed(JSON.stringify({ ...body, message_id: 'm2' }), 'whsec_not_the_secret'))
  assert.equal(forged.status, 401)
  assert.match(forged.json.type, /invalid-signature/)
  const tampered = { ...signed(raw), raw: raw.replace('in_transit', 'returned') }
  assert.equal((await rt.request('POST', s.url, tampered)).status, 401)
  assert.equal((await rt.request('POST', s.url, { raw })).status, 401)
})

test('the same signed delivery re-sent with its MAC in upper case, its parts reordered or a space added is a replay; nothing is applied twice', async () => {
  const s = await assignedShipment()
  const body = {
    status: 'in_transit',
    location: here,
    occurred_at: at(),
    message_id: `msg-${randomUUID()}`,
    tracking_number: s.tracking_number,
  }
  const raw = JSON.stringify(body)
  const signature = signPayload(CARRIER_SECRET, raw)
  const [t, v1] = signature.split(',') as [string, string]
  const send = (header: string) =>
    rt.request('POST', s.url, { raw, headers: { 'content-type': 'application/json', 'apotheca-signature': header } })
  const first = await send(signature)
  assert.deepEqual([first.status, first.json], [200, { shipment_id: s.shipment_id, status: 'in_transit' }])
  for (const variant of [`${t},v1=${v1.slice(3).toUpperCase()}`, `${v1},${t}`, `${t}, ${v1}`]) {
    const r = await send(variant)
    assert.equal(r.status, 409, variant)
    assert.equal(r.json.type, 'https://apotheca.dev/problems/webhook-replayed', variant)
  }
  const tracking = await statusOf(s.shipment_id)
  assert.equal(tracking.status, 'in_transit')
  assert.equal(tracking.events.filter((e: { source: string }) => e.source === 'carrier').length, 1)
  await rt.drain()
  assert.equal(changesOf(s.shipment_id).length, 1)
})

test('a carrier call needs a message_id, and a tracking number that is not the shipment’s is a 404', async () => {
  const s = await assignedShipment()
  const send = (body: object) => {
    const raw = JSON.stringify(body)
    return rt.request('POST', s.url, { raw, headers: { 'apotheca-signature': signPayload(CARRIER_SECRET, raw) } })
  }
  const noId = await send({ status: 'in_transit', location: here, occurred_at: at() })
  assert.equal(noId.status, 422)
  assert.equal(noId.json.type, 'https://apotheca.dev/problems/message-id-required')
  assert.equal(noId.json.errors[0].field, 'body.message_id')
  const wrong = await send({
    status: 'in_transit',
    location: here,
    occurred_at: at(),
    message_id: randomUUID(),
    tracking_number: 'APO000000000000',
  })
  assert.equal(wrong.status, 404)
  assert.equal((await statusOf(s.shipment_id)).status, 'assigned')
})

test('the status route is in the OpenAPI document with its schema', async () => {
  const r = await rt.request('GET', '/openapi.json')
  const op = r.json.paths['/deliveries/{shipmentId}/status']?.post
  assert.ok(op, 'POST /deliveries/{shipmentId}/status is documented')
  assert.ok(r.json.paths['/deliveries/{shipmentId}']?.get)
  assert.ok(r.json.paths['/drivers/me/shipments']?.get)
})
