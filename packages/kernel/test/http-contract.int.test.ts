import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { signPayload, startTestRuntime, type TestRuntime } from '../testing/index.ts'
import { Problem } from '../src/http/problem.ts'
import { route } from '../src/http/route.ts'
import type { ServiceModule } from '../src/module.ts'

// The HTTP contract the kernel gives every route: the document, the 405s, the NUL rule, the replay
// guard and the check of every answer against what the document promises.
let rt: TestRuntime
let calls = 0
const Item = z.object({ id: z.uuid(), name: z.string(), created_at: z.iso.datetime() })
const ID = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5'

const probe: ServiceModule = {
  name: 'notifications',
  migrations: pathToFileURL(mkdtempSync(join(tmpdir(), 'no-migrations-')) + '/'),
  create: () => ({
    routes: [
      route({
        method: 'POST',
        url: '/things',
        summary: 'Makes a thing',
        auth: { roles: ['admin'] },
        schema: {
          body: z.object({ name: z.string().min(1).max(40) }).meta({ examples: [{ name: 'tote' }] }),
          headers: z.object({ 'idempotency-key': z.string().min(1).max(255) }),
        },
        responses: {
          201: { schema: Item, links: { GetThing: { operationId: 'getThingsById', parameters: { id: '$response.body#/id' } } } },
        },
        problems: { 409: ['thing-exists'] },
        handler: async ({ body }, reply) => {
          calls++
          if (body.name === 'taken') throw new Problem(409, 'thing-exists', 'That thing exists')
          if (body.name === 'secret') throw new Problem(409, 'undeclared-slug', 'Not in the contract')
          void reply.status(201)
          return { id: ID, name: body.name, created_at: new Date(0) }
        },
      }),
      route({
        method: 'GET',
        url: '/things/:id',
        summary: 'A thing',
        auth: { public: true, why: 'test' },
        schema: { params: z.object({ id: z.string() }), querystring: z.object({ q: z.string().optional() }) },
        responses: { 200: Item },
        problems: { 404: ['not-found'] },
        handler: async ({ params }, reply) => {
          calls++
          // Wrong on purpose, by id: an extra field, a missing one, an undeclared status.
          if (params.id === 'extra') return { id: ID, name: 'x', created_at: new Date(0).toISOString(), secret: 1 }
          if (params.id === 'short') return { id: ID }
          if (params.id === 'teapot') return reply.status(202).send({ id: ID, name: 'x', created_at: new Date(0) })
          return { id: ID, name: params.id, created_at: new Date(0) }
        },
      }),
      route({
        method: 'GET',
        url: '/things/special',
        summary: 'The special thing',
        auth: { public: true, why: 'test' },
        responses: { 200: Item },
        handler: async () => ({ id: ID, name: 'special', created_at: new Date(0) }),
      }),
      route({
        method: 'POST',
        url: '/things/bulk',
        summary: 'Makes several things',
        auth: { roles: ['admin'] },
        responses: { 204: null },
        handler: async (_req, reply) => reply.status(204).send(),
      }),
      route({
        method: 'POST',
        url: '/webhooks/things',
        summary: 'A signed delivery',
        auth: { signed: 'carrier' },
        schema: { body: z.object({ n: z.number().int() }) },
        responses: { 200: z.object({ received: z.literal(true) }) },
        handler: async () => {
          calls++
          return { received: true }
        },
      }),
    ],
  }),
}

before(async () => {
  rt = await startTestRuntime({ modules: [probe] })
})
after(async () => {
  await rt?.close()
})

test('the document gives each route its answers, problems with their stable types, headers, links and the no-NUL rule', async () => {
  const doc = (await rt.request('GET', '/openapi.json')).json
  const post = doc.paths['/things'].post
  assert.equal(post.operationId, 'postThings')
  assert.deepEqual(Object.keys(post.responses).sort(), ['201', '400', '401', '403', '409', '413', '415'])
  assert.equal(post.responses['201'].content['application/json'].schema.additionalProperties, false)
  assert.deepEqual(post.responses['201'].links.GetThing, { operationId: 'getThingsById', parameters: { id: '$response.body#/id' } })
  assert.deepEqual(post.responses['409'].content['application/problem+json'].schema.properties.type.enum, [
    'https://apotheca.dev/problems/thing-exists',
  ])
  assert.deepEqual(post.responses['400'].content['application/problem+json'].schema.properties.type.enum.sort(), [
    'https://apotheca.dev/problems/malformed-json',
    'https://apotheca.dev/problems/validation',
  ])
  const header = post.parameters.find((p: { in: string }) => p.in === 'header')
  assert.deepEqual(header, {
    name: 'idempotency-key',
    in: 'header',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  })
  const body = post.requestBody.content['application/json'].schema
  assert.equal(body.properties.name.pattern, '^[^\\x00]*$')
  assert.deepEqual(body.examples, [{ name: 'tote' }])
  assert.deepEqual(post.security, [{ bearer: [] }])
  assert.equal(doc.paths['/things/{id}'].get.operationId, 'getThingsById')
  assert.deepEqual(doc.paths['/webhooks/things'].post.security, [{ signature: [] }])
  assert.ok(doc.paths['/health/live'].get.responses['200'], 'the platform routes are in it too')
})

test('a known path asked with a method it does not serve is a 405 naming the methods it does; an unknown path a 404', async () => {
  for (const method of ['DELETE', 'PUT', 'OPTIONS', 'QUERY']) {
    const r = await rt.request(method, '/things')
    assert.equal(r.status, 405, method)
    assert.equal(r.headers.allow, 'POST')
    assert.equal(r.json.type, 'https://apotheca.dev/problems/method-not-allowed')
  }
  // The static route is the resource, not the parametric one beside it.
  assert.equal((await rt.request('POST', '/things/special')).headers.allow, 'GET')
  // …also when the parametric one serves the method asked: /things/bulk is POST's, not GET /things/:id's with id "bulk".
  const shadowed = await rt.request('GET', '/things/bulk')
  assert.equal(shadowed.status, 405)
  assert.equal(shadowed.headers.allow, 'POST')
  assert.equal((await rt.request('GET', '/nothing/here')).status, 404)
  assert.equal(calls, 0)
})

test('a NUL in the path, the query or the body is a 400 naming the field, and the handler never runs', async () => {
  const admin = await rt.token('admin')
  const before = calls
  const headers = { 'idempotency-key': 'k1' }
  const r = await rt.request('POST', '/things', { token: admin, headers, body: { name: 'a\u0000b' } })
  assert.equal(r.status, 400)
  assert.deepEqual(r.json.errors, [{ field: 'body.name', message: 'contains a NUL character' }])
  assert.equal((await rt.request('GET', '/things/a%00b')).json.errors[0].field, 'params.id')
  assert.equal((await rt.request('GET', '/things/x?q=a%00b')).json.errors[0].field, 'query.q')
  assert.equal(calls, before)
})

test('a required header is enforced as the document says', async () => {
  const r = await rt.request('POST', '/things', { token: await rt.token('admin'), body: { name: 'tote' } })
  assert.equal(r.status, 400)
  assert.equal(r.json.errors[0].field, 'headers.idempotency-key')
})

test('every answer is checked against the contract: a breach is a 500 saying what broke, a faithful answer passes', async () => {
  assert.equal((await rt.request('GET', '/things/fine')).status, 200)
  const admin = await rt.token('admin')
  const headers = { 'idempotency-key': 'k2' }
  assert.equal((await rt.request('POST', '/things', { token: admin, headers, body: { name: 'taken' } })).status, 409)
  for (const [path, why] of [
    ['/things/extra', /must NOT have additional properties/],
    ['/things/short', /must have required property/],
    ['/things/teapot', /answered 202, which its contract does not declare/],
  ] as const) {
    const r = await rt.request('GET', path)
    assert.equal(r.status, 500, path)
    assert.equal(r.json.type, 'https://apotheca.dev/problems/response-contract')
    assert.match(r.json.detail, why)
  }
  const undeclared = await rt.request('POST', '/things', { token: admin, headers, body: { name: 'secret' } })
  assert.equal(undeclared.status, 500)
  assert.match(undeclared.json.detail, /409 undeclared-slug, which its contract does not declare \(thing-exists\)/)
})

test('a replay is the same timestamp and MAC however the header writes them: case, order and spaces change nothing', async () => {
  const raw = JSON.stringify({ n: 1 })
  const sig = signPayload('whsec_demo_carrier', raw)
  const [t, v1] = sig.split(',')
  const call = (signature: string) =>
    rt.request('POST', '/webhooks/things', { raw, headers: { 'content-type': 'application/json', 'apotheca-signature': signature } })
  const before = calls
  assert.equal((await call(sig)).status, 200)
  for (const variant of [`${t},v1=${v1!.slice(3).toUpperCase()}`, `${v1},${t}`, `${t}, ${v1}`, ` ${t} ,${v1} `]) {
    const r = await call(variant)
    assert.equal(r.status, 409, variant)
    assert.equal(r.json.type, 'https://apotheca.dev/problems/webhook-replayed')
  }
  assert.equal(calls, before + 1)
  assert.equal((await call(`${t},v1=${v1!.slice(3)}zz`)).status, 401, 'a MAC with trailing junk is malformed, not a match')
})
