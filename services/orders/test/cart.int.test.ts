import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { drug, fakePlatform, prescription } from './fakes.ts'

let rt: TestRuntime
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
})
after(async () => {
  await rt?.close()
})

async function patient() {
  const patientId = randomUUID()
  return { patientId, token: await rt.token('patient', { sub: patientId }) }
}
const add = (token: string, body: unknown) => rt.request('POST', '/cart/items', { token, body })

test('an OTC drug goes in the cart at its catalog price; adding it again sets the line, not doubles it', async () => {
  const { token } = await patient()
  const d = drug({ price: { amount: 1299, currency: 'USD' } })
  fake.drugs.set(d.drug_id, d)
  const r = await add(token, { drug_id: d.drug_id, quantity: 2 })
  assert.equal(r.status, 201)
  assert.deepEqual(r.json.items, [
    {
      drug_id: d.drug_id,
      name: d.name,
      quantity: 2,
      prescription_id: null,
      rx_only: false,
      unit_price: 1299,
      line_total: 2598,
      currency: 'USD',
    },
  ])
  assert.equal(r.json.subtotal, 2598)
  assert.equal(r.json.currency, 'USD')
  const again = await add(token, { drug_id: d.drug_id, quantity: 3 })
  assert.equal(again.json.items[0].quantity, 3)
  assert.equal(again.json.subtotal, 3897)
  fake.drugs.set(d.drug_id, { ...d, price: { amount: 9999, currency: 'USD' } })
  const cart = await rt.request('GET', '/cart', { token })
  assert.equal(cart.json.items[0].unit_price, 1299, 'the price was captured when the line was added')
})

test('a line is removed with DELETE; removing what is not there is a 404', async () => {
  const { token } = await patient()
  const d = drug()
  fake.drugs.set(d.drug_id, d)
  await add(token, { drug_id: d.drug_id, quantity: 1 })
  const del = await rt.request('DELETE', `/cart/items/${d.drug_id}`, { token })
  assert.equal(del.status, 200)
  assert.deepEqual(del.json.items, [])
  assert.equal((await rt.request('DELETE', `/cart/items/${d.drug_id}`, { token })).status, 404)
})

test('at most 10 units of an OTC drug; an unknown drug is a 422', async () => {
  const { token } = await patient()
  const d = drug()
  fake.drugs.set(d.drug_id, d)
  const many = await add(token, { drug_id: d.drug_id, quantity: 11 })
  assert.equal(many.status, 422)
  assert.match(many.json.type, /quantity-limit-exceeded/)
  const unknown = await add(token, { drug_id: randomUUID(), quantity: 1 })
  assert.equal(unknown.status, 422)
  assert.match(unknown.json.type, /unknown-drug/)
})

test('a prescription-only drug needs a verified prescription of this patient for this drug, within its quantity', async () => {
  const { patientId, token } = await patient()
  const d = drug({ rx_only: true })
  const other = drug({ rx_only: true })
  fake.drugs.set(d.drug_id, d).set(other.drug_id, other)
  const rx = prescription(patientId, d.drug_id, { quantity: 30 })
  const rejected = prescription(patientId, d.drug_id, { status: 'rejected' })
  const expired = prescription(patientId, d.drug_id, { expiry_date: '2020-01-01' })
  const someoneElses = prescription(randomUUID(), d.drug_id)
  const tampered = prescription(patientId, d.drug_id, { dispensable: false, signature_valid: false })
  for (const p of [rx, rejected, expired, someoneElses, tampered]) fake.prescriptions.set(p.prescription_id, p)
  const cases: Array<[unknown, number, string]> = [
    [{ drug_id: d.drug_id, quantity: 1 }, 422, 'prescription-required'],
    [{ drug_id: d.drug_id, quantity: 1, prescription_id: someoneElses.prescription_id }, 404, 'not-found'],
    [{ drug_id: d.drug_id, quantity: 1, prescription_id: randomUUID() }, 404, 'not-found'],
    [{ drug_id: other.drug_id, quantity: 1, prescription_id: rx.prescription_id }, 422, 'prescription-drug-mismatch'],
    [{ drug_id: d.drug_id, quantity: 1, prescription_id: rejected.prescription_id }, 409, 'prescription-not-verified'],
    [{ drug_id: d.drug_id, quantity: 1, prescription_id: expired.prescription_id }, 409, 'prescription-expired'],
    [{ drug_id: d.drug_id, quantity: 31, prescription_id: rx.prescription_id }, 422, 'quantity-exceeds-prescription'],
    [{ drug_id: d.drug_id, quantity: 1, prescription_id: tampered.prescription_id }, 409, 'prescription-not-dispensable'],
  ]
  for (const [body, status, slug] of cases) {
    const r = await add(token, body)
    assert.equal(r.status, status, `${slug}: ${JSON.stringify(r.json)}`)
    assert.ok(r.json.type.endsWith(`/${slug}`), `${slug}: ${r.json.type}`)
    assert.match(r.headers['content-type'] as string, /application\/problem\+json/)
  }
  assert.deepEqual((await rt.request('GET', '/cart', { token })).json.items, [], 'nothing refused was stored')
  const ok = await add(token, { drug_id: d.drug_id, quantity: 30, prescription_id: rx.prescription_id })
  assert.equal(ok.status, 201)
  assert.equal(ok.json.items[0].prescription_id, rx.prescription_id)
})

test('the cart is for patients: staff get 403, anonymous callers 401, bad input 400', async () => {
  assert.equal((await rt.request('GET', '/cart', { token: await rt.token('pharmacist') })).status, 403)
  assert.equal((await rt.request('GET', '/cart')).status, 401)
  const { token } = await patient()
  const bad = await add(token, { drug_id: 'not-a-uuid', quantity: 0 })
  assert.equal(bad.status, 400)
  assert.deepEqual(bad.json.errors.map((e: any) => e.field).sort(), ['body.drug_id', 'body.quantity'])
})
