import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import delivery from '../src/module.ts'
import * as requests from '../src/http/delivery.schemas.ts'
import * as answers from '../src/http/responses.ts'

// The OpenAPI document delivery contributes (its answers are checked against it in every other test).
type Json = Record<string, any>
let rt: TestRuntime
let doc: Json
before(async () => {
  rt = await startTestRuntime({ modules: [delivery] })
  doc = (await rt.request('GET', '/openapi.json')).json
})
after(async () => {
  await rt?.close()
})

const slugs = (op: Json, status: number) =>
  op.responses[String(status)]?.content['application/problem+json'].schema.properties.type.enum.map((t: string) =>
    t.replace('https://apotheca.dev/problems/', ''),
  )

test('every delivery operation declares its success answer with a JSON schema, and the problems it answers', () => {
  const ops = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, o]) =>
    Object.entries(o)
      .filter(([, op]) => op.tags?.includes('delivery'))
      .map(([method, op]) => ({ where: `${method} ${path}`, op })),
  )
  assert.deepEqual(ops.map((o) => o.where).sort(), [
    'get /deliveries/{shipmentId}',
    'get /drivers/me/shipments',
    'post /deliveries/{shipmentId}/status',
    'put /drivers/me/availability',
  ])
  for (const { where, op } of ops) assert.ok(op.responses['200'].content['application/json'].schema, where)
  const report = doc.paths['/deliveries/{shipmentId}/status'].post
  assert.deepEqual(slugs(report, 409), ['illegal-transition', 'webhook-replayed'])
  assert.deepEqual(slugs(report, 422), ['message-id-required', 'message-id-reused', 'occurred-at-ahead', 'proof-required'])
  assert.deepEqual(slugs(report, 401), ['invalid-signature', 'unauthorized'])
  assert.deepEqual(slugs(doc.paths['/drivers/me/availability'].put, 404), ['not-found'])
})

test('the tracking read is the operation a shipment links to: getDeliveriesByShipmentId with the path parameter shipmentId', () => {
  const op = doc.paths['/deliveries/{shipmentId}'].get
  assert.equal(op.operationId, 'getDeliveriesByShipmentId')
  assert.deepEqual(
    op.parameters.map((p: Json) => [p.name, p.in, p.required, p.schema.format]),
    [['shipmentId', 'path', true, 'uuid']],
  )
  assert.deepEqual(slugs(op, 404), ['not-found'])
})

test('request bodies are closed: the document refuses a field it does not name, as the server does', () => {
  const body = (path: string, method: string) => doc.paths[path][method].requestBody.content['application/json'].schema
  const report = body('/deliveries/{shipmentId}/status', 'post')
  assert.equal(report.additionalProperties, false)
  assert.equal(report.properties.location.additionalProperties, false)
  assert.equal(report.properties.proof.additionalProperties, false)
  assert.equal(body('/drivers/me/availability', 'put').additionalProperties, false)
  assert.equal(
    requests.StatusReportBody.safeParse({ ...(requests.StatusReportBody.meta()!.examples as object[])[0], extra: 'x' }).success,
    false,
  )
})

test('every example is one its schema accepts', () => {
  let checked = 0
  for (const [name, schema] of Object.entries({ ...requests, ...answers })) {
    if (!(schema instanceof z.ZodType)) continue
    for (const example of (schema.meta()?.examples ?? []) as unknown[]) {
      assert.ok(schema.safeParse(example).success, name)
      checked++
    }
  }
  assert.ok(checked >= 5, `${checked} examples`)
})
