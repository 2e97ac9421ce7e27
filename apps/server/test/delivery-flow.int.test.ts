import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { EventEnvelope } from '@apotheca/contracts'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../src/modules.ts'

// identity and delivery together: the shipment's destination comes from the patient's real,
// encrypted address (GET /internal/patients/{id}, in process), and the driver from the demo account.
let rt: TestRuntime
const seen: EventEnvelope[] = []
before(async () => {
  rt = await startTestRuntime({ modules: modulesFor(['identity', 'delivery']), env: { APOTHECA_DEMO: '1' } })
  rt.bus.subscribe({
    service: 'test-spy',
    types: ['delivery.shipment.created.v1'],
    deliver: async (e) => {
      seen.push(e)
    },
  })
})
after(async () => {
  await rt?.close()
})

const waitFor = eventually

async function login(email: string, password: string): Promise<string> {
  const r = await rt.request('POST', '/auth/login', { body: { email, password } })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  return r.json.access_token
}

const committed = (orderId: string, patientId: string) =>
  ({
    id: randomUUID(),
    type: 'inventory.reservation.committed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: randomUUID(),
    version: 1,
    traceparent: null,
    payload: { reservation_id: randomUUID(), order_id: orderId, patient_id: patientId, picks: [] },
  }) as EventEnvelope

test('a packed order ships to the patient’s geocoded ZIP with the demo driver, who delivers it', async () => {
  const driver = await login('driver@demo.apotheca.test', 'Demo-Driver-2026!')
  // The demo driver reaches delivery through identity.account.created.v1.
  await waitFor(
    'demo driver registered',
    async () => (await rt.request('PUT', '/drivers/me/availability', { token: driver, body: { status: 'available' } })).status === 200,
  )

  const zip = (
    await rt.db.query<{ postal_code: string; lat: number; lng: number }>(
      'SELECT postal_code, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM delivery.zip_centroids ORDER BY postal_code OFFSET 500 LIMIT 1',
    )
  ).rows[0]!
  await rt.request('PUT', '/drivers/me/availability', {
    token: driver,
    body: { status: 'available', location: { lat: zip.lat, lng: zip.lng } },
  })
  const tag = randomUUID().slice(0, 8)
  const email = `flow.${tag}@example.test`
  const reg = await rt.request('POST', '/patients/register', {
    body: {
      name: `Flow Patient ${tag}`,
      date_of_birth: '1980-02-03',
      email,
      password: 'Correct-Horse-Battery-9',
      phone: '+12125550123',
      address: { line1: '1 Test Street', city: 'Testville', state: 'NY', postal_code: zip.postal_code, country: 'US' },
    },
  })
  assert.equal(reg.status, 201, JSON.stringify(reg.json))
  const patientId = reg.json.patient_id as string

  const orderId = randomUUID()
  await rt.bus.publish([committed(orderId, patientId)])
  const created = await waitFor('shipment created', () => seen.find((e) => (e.payload as any).order_id === orderId))
  const shipment = created.payload as { shipment_id: string; driver_id: string; status: string; tracking_number: string }
  assert.equal(shipment.status, 'assigned')

  const patient = await login(email, 'Correct-Horse-Battery-9')
  const tracked = await rt.request('GET', `/deliveries/${shipment.shipment_id}`, { token: patient })
  assert.equal(tracked.status, 200)
  assert.equal(tracked.json.postal_code, zip.postal_code)
  assert.ok(Math.abs(tracked.json.destination.lat - zip.lat) < 1e-6)
  const mine = await rt.request('GET', '/drivers/me/shipments', { token: driver })
  assert.ok(
    mine.json.shipments.some((s: any) => s.shipment_id === shipment.shipment_id),
    'the demo driver has the shipment',
  )

  const url = `/deliveries/${shipment.shipment_id}/status`
  const out = await rt.request('POST', url, {
    token: driver,
    body: { status: 'out_for_delivery', location: { lat: zip.lat, lng: zip.lng }, occurred_at: new Date().toISOString() },
  })
  assert.equal(out.status, 200, JSON.stringify(out.json))
  const done = await rt.request('POST', url, {
    token: driver,
    body: {
      status: 'delivered',
      location: { lat: zip.lat, lng: zip.lng },
      occurred_at: new Date(Date.now() + 1000).toISOString(),
      proof: { recipient_name: `Flow Patient ${tag}` },
    },
  })
  assert.deepEqual([done.status, done.json.status], [200, 'delivered'])
  const after = await rt.request('GET', `/deliveries/${shipment.shipment_id}`, { token: patient })
  assert.equal(after.json.status, 'delivered')
  const stranger = await login('patient@demo.apotheca.test', 'Demo-Patient-2026!')
  assert.equal((await rt.request('GET', `/deliveries/${shipment.shipment_id}`, { token: stranger })).status, 404)
})
