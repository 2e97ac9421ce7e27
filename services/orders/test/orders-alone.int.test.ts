import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'

// orders without catalog, prescriptions or inventory in the process and no address for them: the
// situation of a dependency outage.
let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [orders] })
})
after(async () => {
  await rt?.close()
})

test('adding to the cart while the catalog is unreachable is a 503 problem naming the dependency, and stores nothing', async () => {
  const token = await rt.token('patient')
  const r = await rt.request('POST', '/cart/items', { token, body: { drug_id: randomUUID(), quantity: 1 } })
  assert.equal(r.status, 503)
  assert.match(r.json.type, /dependency-unavailable/)
  assert.equal(r.json.service, 'catalog')
  assert.deepEqual((await rt.request('GET', '/cart', { token })).json.items, [])
})

test('checkout without an Idempotency-Key is a 400 problem', async () => {
  const r = await rt.request('POST', '/cart/checkout', { token: await rt.token('patient'), body: { payment_method: 'pm_card_visa' } })
  assert.equal(r.status, 400)
  // The header is in the route's schema, so the document states it and the refusal names it.
  assert.match(r.json.type, /validation/)
  assert.deepEqual(
    r.json.errors.map((e: { field: string }) => e.field),
    ['headers.idempotency-key'],
  )
})

test('checkout of an empty cart is a 409 problem', async () => {
  const r = await rt.request('POST', '/cart/checkout', {
    token: await rt.token('patient'),
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(r.status, 409)
  assert.match(r.json.type, /cart-empty/)
})

test('the OpenAPI document lists the seed endpoints of orders', async () => {
  const r = await rt.request('GET', '/openapi.json')
  assert.ok(r.json.paths['/cart/checkout']?.post)
  assert.ok(r.json.paths['/orders/{orderId}/status']?.get)
  assert.ok(r.json.paths['/orders/{orderId}/fulfil']?.post)
})
