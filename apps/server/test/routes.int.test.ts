import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { SERVICE_NAMES } from '@apotheca/contracts'
import { modulesFor } from '../src/modules.ts'

// Every route of every service, taken from the server itself: each declares who may call it, and
// no bad input (malformed, wrong types, unknown ids, foreign tokens) ever gets a 5xx.
let rt: TestRuntime
let ops: Array<{ method: string; path: string; op: any }>
before(async () => {
  rt = await startTestRuntime({ modules: modulesFor([...SERVICE_NAMES]) })
  const doc = (await rt.request('GET', '/openapi.json')).json
  ops = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  )
})
after(async () => {
  await rt?.close()
})

const PLATFORM = new Set(['/health', '/health/live'])

test('every route declares its access, and the nine seed endpoints are there', () => {
  const undeclared = ops.filter((o) => !PLATFORM.has(o.path) && !o.op['x-access']).map((o) => `${o.method} ${o.path}`)
  assert.deepEqual(undeclared, [])
  for (const [m, p] of [
    ['POST', '/patients/register'],
    ['GET', '/patients/{patientId}/prescriptions'],
    ['POST', '/prescriptions/submit'],
    ['GET', '/drugs/search'],
    ['POST', '/cart/checkout'],
    ['GET', '/orders/{orderId}/status'],
    ['POST', '/webhooks/epcs/status'],
    ['PUT', '/inventory/{drugId}/adjust'],
    ['POST', '/deliveries/{shipmentId}/status'],
  ]) {
    assert.ok(
      ops.some((o) => o.method === m && o.path === p),
      `${m} ${p} missing`,
    )
  }
  assert.ok(ops.length > 30, `only ${ops.length} operations`)
})

test('every OpenAPI link names an operation of the document, and the chains a stateful fuzzer follows are there', () => {
  const byId = new Map(ops.map((o) => [o.op.operationId as string, o]))
  const linksOf = (method: string, path: string) =>
    Object.values<any>(ops.find((o) => o.method === method && o.path === path)!.op.responses).flatMap((r) =>
      Object.values<any>(r.links ?? {}).map((l) => l.operationId as string),
    )
  const dangling: string[] = []
  for (const { method, path, op } of ops) {
    for (const [status, r] of Object.entries<any>(op.responses)) {
      for (const [name, link] of Object.entries<any>(r.links ?? {})) {
        const target = byId.get(link.operationId)
        if (!target) dangling.push(`${method} ${path} ${status} ${name} → ${link.operationId}`)
        // Each parameter the link fills is one the target takes.
        for (const param of Object.keys(link.parameters ?? {})) {
          if (target && !target.op.parameters?.some((p: { name: string }) => p.name === param))
            dangling.push(`${link.operationId} has no ${param}`)
        }
      }
    }
  }
  assert.deepEqual(dangling, [])
  // The chains: register → the patient's prescriptions, submit → verify, checkout → status, fulfil → delivery status.
  assert.ok(linksOf('POST', '/patients/register').includes('getPatientsByPatientIdPrescriptions'))
  assert.ok(linksOf('POST', '/prescriptions/submit').includes('postPrescriptionsByPrescriptionIdVerify'))
  assert.ok(linksOf('POST', '/cart/checkout').includes('getOrdersByOrderIdStatus'))
  assert.ok(linksOf('POST', '/orders/{orderId}/fulfil').includes('getOrdersByOrderIdStatus'))
  assert.ok(linksOf('GET', '/orders/{orderId}/status').includes('getDeliveriesByShipmentId'))
})

test('a body is required where the server refuses a call without one, optional where its schema has a default', async () => {
  const body = (method: string, path: string) => ops.find((o) => o.method === method && o.path === path)!.op.requestBody
  // Several content types, none of which may be empty: the fuzzer sent no body and got a 400 it was told was valid.
  assert.equal(body('POST', '/prescriptions/submit').required, true)
  assert.equal(body('POST', '/cart/checkout').required, true)
  assert.equal(body('POST', '/orders/{orderId}/cancel').required, false)
  const r = await rt.request('POST', '/prescriptions/submit', { token: await rt.token('practitioner') })
  assert.equal(r.status, 400)
})

test('no route answers a 5xx to bad input, whoever calls it', { timeout: 240_000 }, async () => {
  const tokens = {
    anonymous: undefined,
    patient: await rt.token('patient'),
    admin: await rt.token('admin', { mfa: true }),
    pharmacist: await rt.token('pharmacist', { mfa: true }),
    driver: await rt.token('driver'),
  }
  const ids = ['not-an-id', '00000000-0000-4000-8000-000000000000']
  const bodies: Array<{ raw: string; type?: string }> = [
    { raw: '{"broken": ' },
    { raw: '{}' },
    { raw: '[]' },
    {
      raw: JSON.stringify({
        quantity: 'ten',
        drug_id: 42,
        status: [],
        email: {},
        patient_id: 'x',
        location: { lat: 'north' },
        decision: 'maybe',
        quantity_delta: 1.5,
      }),
    },
    { raw: 'null' },
    { raw: '<NewRx><Patient>', type: 'application/xml' },
  ]
  const failures: string[] = []
  const statuses: Record<number, number> = {}
  for (const { method, path } of ops) {
    if (path === '/openapi.json') continue
    for (const id of ids) {
      const url = path.replace(/\{[^}]+\}/g, id) + (method === 'GET' ? '?q=%00&ndc=12&limit=-1&resource_id=' : '')
      for (const [who, token] of Object.entries(tokens)) {
        for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : bodies) {
          const r = await rt.request(method, url, {
            token,
            ...(body
              ? { raw: body.raw, headers: { 'content-type': body.type ?? 'application/json', 'idempotency-key': `k-${Math.random()}` } }
              : {}),
          })
          statuses[r.status] = (statuses[r.status] ?? 0) + 1
          if (r.status >= 500)
            failures.push(
              `${method} ${url} as ${who} with ${body?.raw.slice(0, 20) ?? 'no body'} → ${r.status} ${JSON.stringify(r.json).slice(0, 160)}`,
            )
          else if (r.status >= 400 && !String(r.headers['content-type']).includes('application/problem+json'))
            failures.push(`${method} ${url} as ${who}: ${r.status} is not a problem document`)
        }
      }
    }
  }
  // Most calls must get past authentication to the handlers, or this test proves little.
  assert.ok(
    (statuses[400] ?? 0) + (statuses[404] ?? 0) + (statuses[422] ?? 0) > 400,
    `too few calls reached validation: ${JSON.stringify(statuses)}`,
  )
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`)
})

test('liveness answers without asking any dependency; readiness reports the database and the bus', async () => {
  assert.deepEqual((await rt.request('GET', '/health/live')).json, { status: 'ok' })
  const ready = await rt.request('GET', '/health')
  assert.equal(ready.status, 200)
  assert.equal(ready.json.status, 'ok')
})

test("a request's trace id reaches the event it causes, and the answer names it", async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
  const email = `trace.${Date.now()}@example.test`
  const r = await rt.request('POST', '/patients/register', {
    headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    body: {
      name: 'Trace Test',
      date_of_birth: '1970-01-01',
      email,
      password: 'Correct-Horse-Battery-9',
      phone: '+12125550100',
      address: { line1: '1 Main St', city: 'New York', state: 'NY', postal_code: '10001', country: 'US' },
    },
  })
  assert.equal(r.status, 201)
  assert.match(String(r.headers.traceparent), new RegExp(`^00-${traceId}-`))
  const { rows } = await rt.db.query<{ traceparent: string }>(`SELECT traceparent FROM identity.outbox WHERE aggregate_id = $1`, [
    r.json.patient_id,
  ])
  assert.ok(rows.length >= 1)
  for (const row of rows) assert.match(row.traceparent, new RegExp(`^00-${traceId}-`))
})
