import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createPublicKey, randomUUID, verify } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { drug, fakePlatform } from './fakes.ts'

// Order details are signed (Ed25519) on confirmation; anyone can check them with the published key.

let rt: TestRuntime
const fake = fakePlatform()
before(async () => {
  rt = await startTestRuntime({ modules: [orders, ...fake.modules] })
})
after(async () => {
  await rt?.close()
})

test('a confirmed order carries an Ed25519 signature over its details that the published key verifies', async () => {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const d = drug({ price: { amount: 750, currency: 'USD' } })
  fake.drugs.set(d.drug_id, d)
  fake.stock.set(d.drug_id, 10)
  await rt.request('POST', '/cart/items', { token, body: { drug_id: d.drug_id, quantity: 3 } })
  const r = await rt.request('POST', '/cart/checkout', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(r.status, 201)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token })
  const c = s.json.confirmation
  assert.equal(c.algorithm, 'Ed25519')
  const doc = JSON.parse(c.document)
  assert.deepEqual(
    [doc.order_id, doc.patient_id, doc.total_amount, doc.items[0].quantity, doc.items[0].unit_price],
    [r.json.order_id, patientId, 2250 + 599, 3, 750],
  )

  const keys = await rt.request('GET', '/orders/signing-key')
  assert.equal(keys.status, 200)
  const jwk = keys.json.keys.find((k: any) => k.kid === c.key_id)
  assert.ok(jwk, 'the signing key is published')
  assert.equal(jwk.d, undefined, 'never the private part')
  const pub = createPublicKey({ key: jwk, format: 'jwk' })
  assert.equal(verify(null, Buffer.from(c.document), pub, Buffer.from(c.signature, 'base64url')), true)
  const tampered = c.document.replace(`"total_amount":${doc.total_amount}`, '"total_amount":1')
  assert.notEqual(tampered, c.document)
  assert.equal(verify(null, Buffer.from(tampered), pub, Buffer.from(c.signature, 'base64url')), false)
})

test('an order refused at checkout has no confirmation', async () => {
  const token = await rt.token('patient', { sub: randomUUID() })
  const d = drug()
  fake.drugs.set(d.drug_id, d)
  fake.stock.set(d.drug_id, 10)
  await rt.request('POST', '/cart/items', { token, body: { drug_id: d.drug_id, quantity: 1 } })
  const r = await rt.request('POST', '/cart/checkout', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_chargeDeclined' },
  })
  assert.equal(r.status, 402)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token })
  assert.equal(s.json.confirmation, null)
})
