#!/usr/bin/env node
// Copied from the workshop's acceptance check (shared/acceptance/walkthrough.mjs, 2026-12-04) so a clone of this
// repository alone can run it (apps/server/test/walkthrough.int.test.ts); the workshop copy stays the outside check.
// The acceptance walkthrough: one prescription order, from registration to delivery, through the
// public HTTP API as a client would drive it. Contract: ../API.md. No dependencies; Node 20+.
//   node walkthrough.mjs [BASE_URL]      (default http://localhost:8080, or $APOTHECA_URL)
// Exit 0 when every step passes; the last line is "walkthrough: N passed, N failed".
import { createHmac, randomUUID } from 'node:crypto'

const BASE = process.argv[2] || process.env.APOTHECA_URL || 'http://localhost:8080'
const DEMO = {
  pharmacist: { email: 'pharmacist@demo.apotheca.test', password: 'Demo-Pharmacist-2026!', totp: 'JBSWY3DPEHPK3PXP' },
  admin: { email: 'admin@demo.apotheca.test', password: 'Demo-Admin-2026!', totp: 'JBSWY3DPEHPK3PXP' },
  practitioner: { email: 'practitioner@demo.apotheca.test', password: 'Demo-Practitioner-2026!' },
  driver: { email: 'driver@demo.apotheca.test', password: 'Demo-Driver-2026!' },
}
const EPCS_SECRET = process.env.APOTHECA_EPCS_WEBHOOK_SECRET || 'whsec_demo_epcs'

let passed = 0
let failed = 0
const ctx = {}

async function step(name, fn) {
  try {
    await fn()
    passed++
    console.log(`ok   ${name}`)
  } catch (err) {
    failed++
    console.log(`FAIL ${name}: ${err.message}`)
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg) }

async function call(method, path, { body, token, headers = {}, raw } = {}) {
  const h = { ...headers }
  if (token) h.authorization = `Bearer ${token}`
  let payload
  if (raw !== undefined) { payload = raw; h['content-type'] ??= 'application/json' }
  else if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] = 'application/json' }
  const res = await fetch(BASE + path, { method, headers: h, body: payload })
  const text = await res.text()
  let json
  try { json = text ? JSON.parse(text) : undefined } catch { json = undefined }
  return { status: res.status, type: res.headers.get('content-type') || '', json, text }
}
const show = (r) => `${r.status} ${r.text.slice(0, 300)}`

// RFC 6238 TOTP, SHA-1, 6 digits, 30 s.
function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)))
  const h = createHmac('sha1', key).update(counter).digest()
  const o = h[h.length - 1] & 0xf
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, '0')
}

async function login(who) {
  const r = await call('POST', '/auth/login', { body: { email: who.email, password: who.password } })
  assert(r.status === 200, `login ${who.email}: ${show(r)}`)
  if (r.json.access_token) return r.json.access_token
  assert(r.json.mfa_required && r.json.mfa_token, `login ${who.email}: neither access_token nor mfa_token: ${show(r)}`)
  assert(who.totp, `${who.email} asks for MFA but has no demo TOTP secret`)
  const m = await call('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code: totp(who.totp) } })
  assert(m.status === 200 && m.json.access_token, `mfa ${who.email}: ${show(m)}`)
  return m.json.access_token
}

async function poll(what, fn, ms = 20000) {
  const until = Date.now() + ms
  let last
  while (Date.now() < until) {
    last = await fn()
    if (last.done) return last
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} did not happen within ${ms} ms; last seen: ${last?.seen}`)
}

function sign(secret, rawBody, t = Math.floor(Date.now() / 1000)) {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`
}

const tag = randomUUID().slice(0, 8)
const today = new Date().toISOString().slice(0, 10)

await step('service is healthy', async () => {
  const r = await call('GET', '/health')
  assert(r.status === 200, show(r))
})

await step('OpenAPI document lists the nine seed endpoints', async () => {
  const r = await call('GET', '/openapi.json')
  assert(r.status === 200 && r.json?.paths, show(r))
  const want = [
    ['post', '/patients/register'], ['get', '/patients/{patientId}/prescriptions'], ['post', '/prescriptions/submit'],
    ['get', '/drugs/search'], ['post', '/cart/checkout'], ['get', '/orders/{orderId}/status'],
    ['post', '/webhooks/epcs/status'], ['put', '/inventory/{drugId}/adjust'], ['post', '/deliveries/{shipmentId}/status'],
  ]
  const missing = want.filter(([m, p]) => !r.json.paths[p]?.[m]).map(([m, p]) => `${m.toUpperCase()} ${p}`)
  assert(missing.length === 0, `missing: ${missing.join(', ')}`)
})

const patient = {
  name: `Ada Lovelace ${tag}`, date_of_birth: '1985-12-10', email: `ada.${tag}@example.test`,
  password: 'Correct-Horse-Battery-9', phone: '+12125550123',
  address: { line1: '350 Fifth Avenue', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
}

await step('a patient registers', async () => {
  const r = await call('POST', '/patients/register', { body: patient })
  assert(r.status === 201 && r.json?.patient_id, show(r))
  ctx.patientId = r.json.patient_id
})

await step('registering the same e-mail again is refused with a problem document', async () => {
  const r = await call('POST', '/patients/register', { body: patient })
  assert(r.status === 409 && r.type.includes('application/problem+json'), show(r))
})

await step('registration without a date of birth is a 400 problem document', async () => {
  const { date_of_birth, ...bad } = { ...patient, email: `bad.${tag}@example.test` }
  const r = await call('POST', '/patients/register', { body: bad })
  assert(r.status === 400 && r.type.includes('application/problem+json'), show(r))
})

await step('the patient logs in', async () => { ctx.patient = await login(patient) })

await step('drug search finds amoxicillin by name', async () => {
  const r = await call('GET', '/drugs/search?q=amoxicillin', { token: ctx.patient })
  assert(r.status === 200 && Array.isArray(r.json?.results), show(r))
  const hit = r.json.results.find((d) => /amoxicillin/i.test(JSON.stringify(d)) && d.drug_id && d.ndc_code)
  assert(hit, `no result with drug_id and ndc_code mentions amoxicillin: ${show(r)}`)
  ctx.drug = hit
})

await step('drug search finds the same product by its NDC', async () => {
  const ndc = encodeURIComponent(ctx.drug.ndc_code)
  const r = await call('GET', `/drugs/search?ndc=${ndc}`, { token: ctx.patient })
  assert(r.status === 200 && r.json.results.some((d) => d.drug_id === ctx.drug.drug_id), show(r))
})

await step('a practitioner submits a prescription', async () => {
  ctx.practitioner = await login(DEMO.practitioner)
  const r = await call('POST', '/prescriptions/submit', {
    token: ctx.practitioner,
    body: { patient_id: ctx.patientId, drug_id: ctx.drug.drug_id, dosage: '500 mg three times daily for 10 days', quantity: 30, refill_count: 1, issue_date: today },
  })
  assert(r.status === 201 && r.json?.prescription_id, show(r))
  assert(r.json.status !== 'verified', `a new prescription is already verified: ${show(r)}`)
  ctx.rxId = r.json.prescription_id
})

await step('the patient sees the prescription in their list', async () => {
  await poll('prescription listed', async () => {
    const r = await call('GET', `/patients/${ctx.patientId}/prescriptions`, { token: ctx.patient })
    const list = r.json?.prescriptions
    return { done: r.status === 200 && Array.isArray(list) && list.some((p) => p.prescription_id === ctx.rxId), seen: show(r) }
  })
})

await step("another patient cannot read this patient's prescriptions", async () => {
  const other = { ...patient, email: `eve.${tag}@example.test`, name: `Eve ${tag}` }
  const reg = await call('POST', '/patients/register', { body: other })
  assert(reg.status === 201, show(reg))
  const eve = await login(other)
  const r = await call('GET', `/patients/${ctx.patientId}/prescriptions`, { token: eve })
  assert(r.status === 403 || r.status === 404, show(r))
})

await step('a pharmacist with a second factor verifies the prescription', async () => {
  ctx.pharmacist = await login(DEMO.pharmacist)
  const r = await call('POST', `/prescriptions/${ctx.rxId}/verify`, { token: ctx.pharmacist, body: { decision: 'approve' } })
  assert(r.status === 200, show(r))
  await poll('prescription verified', async () => {
    const l = await call('GET', `/patients/${ctx.patientId}/prescriptions`, { token: ctx.patient })
    const p = Array.isArray(l.json?.prescriptions) && l.json.prescriptions.find((x) => x.prescription_id === ctx.rxId)
    return { done: p?.status === 'verified', seen: p?.status }
  })
})

await step('the patient puts the prescribed drug in the cart and checks out', async () => {
  ctx.admin = await login(DEMO.admin)
  const stock = await call('PUT', `/inventory/${encodeURIComponent(ctx.drug.drug_id)}/adjust`, { token: ctx.admin, body: { quantity_delta: 30, reason: 'received', batch_number: `LOT-${tag}-RX`, expiry_date: '2028-01-31' } })
  assert(stock.status === 200, `stocking the drug: ${show(stock)}`)
  const add = await call('POST', '/cart/items', { token: ctx.patient, body: { drug_id: ctx.drug.drug_id, quantity: 30, prescription_id: ctx.rxId } })
  assert(add.status === 200 || add.status === 201, show(add))
  ctx.idem = randomUUID()
  const r = await call('POST', '/cart/checkout', { token: ctx.patient, headers: { 'idempotency-key': ctx.idem }, body: { payment_method: 'pm_card_visa' } })
  assert(r.status === 201 && r.json?.order_id && Number.isInteger(r.json.total_amount), show(r))
  ctx.orderId = r.json.order_id
})

await step('repeating the checkout with the same Idempotency-Key returns the same order', async () => {
  const r = await call('POST', '/cart/checkout', { token: ctx.patient, headers: { 'idempotency-key': ctx.idem }, body: { payment_method: 'pm_card_visa' } })
  assert((r.status === 200 || r.status === 201) && r.json?.order_id === ctx.orderId, show(r))
})

await step('payment is captured and the order waits for fulfilment', async () => {
  await poll('order paid', async () => {
    const r = await call('GET', `/orders/${ctx.orderId}/status`, { token: ctx.patient })
    return { done: r.status === 200 && ['authorized', 'captured', 'paid', 'succeeded', 'requires_capture'].includes(r.json?.payment_status), seen: show(r) }
  })
})

await step('the pharmacy fulfils the order and a shipment is created', async () => {
  const r = await call('POST', `/orders/${ctx.orderId}/fulfil`, { token: ctx.pharmacist, body: {} })
  assert(r.status === 200 || r.status === 202, show(r))
  const s = await poll('shipment created', async () => {
    const o = await call('GET', `/orders/${ctx.orderId}/status`, { token: ctx.patient })
    return { done: !!(o.json?.shipment_id && o.json?.tracking_number), seen: show(o), o }
  })
  ctx.shipmentId = s.o.json.shipment_id
})

await step('the driver reports out-for-delivery and then delivery with proof', async () => {
  ctx.driver = await login(DEMO.driver)
  const a = await call('POST', `/deliveries/${ctx.shipmentId}/status`, {
    token: ctx.driver, body: { status: 'out_for_delivery', location: { lat: 40.7505, lng: -73.9934 }, occurred_at: new Date().toISOString() },
  })
  assert(a.status === 200 || a.status === 202, show(a))
  const b = await call('POST', `/deliveries/${ctx.shipmentId}/status`, {
    token: ctx.driver,
    body: { status: 'delivered', location: { lat: 40.7484, lng: -73.9857 }, occurred_at: new Date(Date.now() + 1000).toISOString(), proof: { recipient_name: patient.name } },
  })
  assert(b.status === 200 || b.status === 202, show(b))
})

await step('the order shows as delivered, with its tracking number', async () => {
  await poll('order delivered', async () => {
    const r = await call('GET', `/orders/${ctx.orderId}/status`, { token: ctx.patient })
    return { done: r.json?.order_status === 'delivered' && !!r.json?.tracking_number, seen: show(r) }
  })
})

await step('an administrator receives new stock; removing more than is on hand is refused', async () => {
  const id = encodeURIComponent(ctx.drug.drug_id)
  const r = await call('PUT', `/inventory/${id}/adjust`, {
    token: ctx.admin,
    body: { quantity_delta: 100, reason: 'received', batch_number: `LOT-${tag}`, expiry_date: '2028-01-31' },
  })
  assert(r.status === 200 && Number.isInteger(r.json?.quantity_on_hand), show(r))
  const bad = await call('PUT', `/inventory/${id}/adjust`, {
    token: ctx.admin, body: { quantity_delta: -1000000, reason: 'damaged', batch_number: `LOT-${tag}` },
  })
  assert(bad.status === 409 || bad.status === 422, show(bad))
})

await step('the e-prescribing webhook refuses an unsigned or badly signed call and accepts a signed one', async () => {
  const raw = JSON.stringify({ message_id: `msg-${tag}`, prescription_id: ctx.rxId, status: 'verified' })
  const none = await call('POST', '/webhooks/epcs/status', { raw })
  assert(none.status === 401, `unsigned: ${show(none)}`)
  const forged = await call('POST', '/webhooks/epcs/status', { raw, headers: { 'apotheca-signature': sign('not-the-secret', raw) } })
  assert(forged.status === 401, `forged: ${show(forged)}`)
  const ok = await call('POST', '/webhooks/epcs/status', { raw, headers: { 'apotheca-signature': sign(EPCS_SECRET, raw) } })
  assert(ok.status === 200 || ok.status === 202, `signed: ${show(ok)}`)
})

await step('the audit log verifies and holds the order', async () => {
  await poll('order audited', async () => {
    const r = await call('GET', `/audit/events?resource_id=${encodeURIComponent(ctx.orderId)}`, { token: ctx.admin })
    const list = r.json?.events
    return { done: r.status === 200 && Array.isArray(list) && list.length > 0, seen: show(r) }
  })
  const v = await call('GET', '/audit/verify', { token: ctx.admin })
  assert(v.status === 200 && v.json?.valid === true && v.json?.entries > 0, show(v))
})

console.log(`walkthrough: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
