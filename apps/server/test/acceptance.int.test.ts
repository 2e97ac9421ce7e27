import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac, randomUUID } from 'node:crypto'
import { createClient, type ApothecaClient } from '@apotheca/client'
import { freshDataDir, startServer, type ServerProcess } from './processes.ts'

// The project's own acceptance test: one prescription order from registration to delivery, driven
// through the typed client generated from the server's document, against the server `npm start`
// runs (a real socket, demo data on). ../shared/acceptance/walkthrough.mjs is the outside check.
let server: ServerProcess
const DEMO = {
  pharmacist: { email: 'pharmacist@demo.apotheca.test', password: 'Demo-Pharmacist-2026!', totp: 'JBSWY3DPEHPK3PXP' },
  admin: { email: 'admin@demo.apotheca.test', password: 'Demo-Admin-2026!', totp: 'JBSWY3DPEHPK3PXP' },
  practitioner: { email: 'practitioner@demo.apotheca.test', password: 'Demo-Practitioner-2026!' },
  driver: { email: 'driver@demo.apotheca.test', password: 'Demo-Driver-2026!' },
}

before(async () => {
  server = await startServer([], { APOTHECA_DATA: freshDataDir(), APOTHECA_DEMO: '1' })
})
after(async () => {
  await server?.stop()
})

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as an authenticator app makes it. */
function totp(base32: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const bits = [...base32].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('')
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)))
  const h = createHmac('sha1', key).update(counter).digest()
  const o = h[h.length - 1]! & 0xf
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, '0')
}

/** A client signed in as this person (with the second factor when the account asks for it). */
async function signedIn(who: { email: string; password: string; totp?: string }): Promise<ApothecaClient> {
  const anonymous = createClient({ baseUrl: server.url })
  const { data, error } = await anonymous.POST('/auth/login', { body: { email: who.email, password: who.password } })
  assert.ok(data, `login ${who.email}: ${JSON.stringify(error)}`)
  let token = 'access_token' in data ? data.access_token : undefined
  if (!token && 'mfa_token' in data) {
    const m = await anonymous.POST('/auth/mfa/verify', { body: { mfa_token: data.mfa_token, code: totp(who.totp!) } })
    assert.ok(m.data, `second factor ${who.email}: ${JSON.stringify(m.error)}`)
    token = m.data.access_token
  }
  assert.ok(token)
  return createClient({ baseUrl: server.url, token: () => token })
}

async function eventually<T>(what: string, fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v !== undefined) return v
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

test('one prescription order, from registration to delivery, through the typed client', { timeout: 240_000 }, async () => {
  const api = createClient({ baseUrl: server.url })
  const tag = randomUUID().slice(0, 8)
  const patient = {
    name: `Ada Lovelace ${tag}`,
    date_of_birth: '1985-12-10',
    email: `ada.${tag}@example.test`,
    password: 'Correct-Horse-Battery-9',
    phone: '+12125550123',
    address: { line1: '350 Fifth Avenue', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
  }

  const registered = await api.POST('/patients/register', { body: patient })
  assert.equal(registered.response.status, 201)
  const patientId = registered.data!.patient_id
  const again = await api.POST('/patients/register', { body: patient })
  assert.equal(again.response.status, 409)
  assert.equal(again.response.headers.get('content-type')?.split(';')[0], 'application/problem+json')

  const ada = await signedIn(patient)
  const search = await ada.GET('/drugs/search', { params: { query: { q: 'amoxicillin' } } })
  const drug = search.data!.results.find((d) => /amoxicillin/i.test(d.name) && d.ndc_code)
  assert.ok(drug, 'amoxicillin is in the catalog')
  const byNdc = await ada.GET('/drugs/search', { params: { query: { ndc: drug.ndc_code! } } })
  assert.ok(byNdc.data!.results.some((d) => d.drug_id === drug.drug_id))

  const practitioner = await signedIn(DEMO.practitioner)
  const submitted = await practitioner.POST('/prescriptions/submit', {
    body: {
      patient_id: patientId,
      drug_id: drug.drug_id,
      dosage: '500 mg three times daily for 10 days',
      quantity: 30,
      refill_count: 1,
      issue_date: new Date().toISOString().slice(0, 10),
    },
  })
  assert.equal(submitted.response.status, 201, JSON.stringify(submitted.error))
  const created = submitted.data!
  // JSON answers the prescription; only a FHIR AllergyIntolerance answers an allergy.
  const rxId = 'prescription_id' in created ? created.prescription_id : null
  assert.ok(rxId, JSON.stringify(created))
  await eventually('the prescription listed for its patient', async () => {
    const l = await ada.GET('/patients/{patientId}/prescriptions', { params: { path: { patientId } } })
    return l.data?.prescriptions.some((p) => p.prescription_id === rxId) ? true : undefined
  })

  const pharmacist = await signedIn(DEMO.pharmacist)
  const verified = await pharmacist.POST('/prescriptions/{prescriptionId}/verify', {
    params: { path: { prescriptionId: rxId } },
    body: { decision: 'approve' },
  })
  assert.equal(verified.response.status, 200, JSON.stringify(verified.error))

  const admin = await signedIn(DEMO.admin)
  const stocked = await admin.PUT('/inventory/{drugId}/adjust', {
    params: { path: { drugId: drug.drug_id } },
    body: { quantity_delta: 30, reason: 'received', batch_number: `LOT-${tag}`, expiry_date: '2028-01-31' },
  })
  assert.equal(stocked.response.status, 200, JSON.stringify(stocked.error))
  const added = await ada.POST('/cart/items', { body: { drug_id: drug.drug_id, quantity: 30, prescription_id: rxId } })
  assert.equal(added.response.status, 201, JSON.stringify(added.error))
  const key = randomUUID()
  const checkout = () =>
    ada.POST('/cart/checkout', { params: { header: { 'idempotency-key': key } }, body: { payment_method: 'pm_card_visa' } })
  const placed = await checkout()
  assert.equal(placed.response.status, 201, JSON.stringify(placed.error))
  const orderId = placed.data!.order_id
  assert.equal((await checkout()).data!.order_id, orderId, 'the same key gives the same order')

  await eventually('the payment held', async () => {
    const s = await ada.GET('/orders/{orderId}/status', { params: { path: { orderId } } })
    return s.data && ['authorized', 'captured'].includes(s.data.payment_status) ? true : undefined
  })
  const fulfilled = await pharmacist.POST('/orders/{orderId}/fulfil', { params: { path: { orderId } }, body: {} })
  assert.ok([200, 202].includes(fulfilled.response.status), JSON.stringify(fulfilled.error))
  const shipmentId = await eventually('a shipment', async () => {
    const s = await ada.GET('/orders/{orderId}/status', { params: { path: { orderId } } })
    return s.data?.shipment_id && s.data.tracking_number ? s.data.shipment_id : undefined
  })

  const driver = await signedIn(DEMO.driver)
  for (const [status, at, extra] of [
    ['out_for_delivery', Date.now(), {}],
    ['delivered', Date.now() + 1000, { proof: { recipient_name: patient.name } }],
  ] as const) {
    const r = await driver.POST('/deliveries/{shipmentId}/status', {
      params: { path: { shipmentId } },
      body: { status, location: { lat: 40.7505, lng: -73.9934 }, occurred_at: new Date(at).toISOString(), ...extra },
    })
    assert.ok([200, 202].includes(r.response.status), JSON.stringify(r.error))
  }
  await eventually('the order delivered', async () => {
    const s = await ada.GET('/orders/{orderId}/status', { params: { path: { orderId } } })
    return s.data?.order_status === 'delivered' ? true : undefined
  })

  const audited = await eventually('the order in the audit log', async () => {
    const r = await admin.GET('/audit/events', { params: { query: { resource_id: orderId } } })
    return r.data && r.data.events.length > 0 ? r.data.events.length : undefined
  })
  assert.ok(audited > 0)
  const verify = await admin.GET('/audit/verify')
  assert.equal(verify.data?.valid, true)
})
