import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import * as requests from '../src/http/catalog.schemas.ts'
import * as answers from '../src/http/responses.ts'

// The OpenAPI document catalog contributes (its answers are checked against it in every other test).
type Json = Record<string, any>
let rt: TestRuntime
let doc: Json
before(async () => {
  rt = await startTestRuntime({ modules: [catalog] })
  doc = (await rt.request('GET', '/openapi.json')).json
})
after(async () => {
  await rt?.close()
})

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.tags?.includes('catalog'))
      .map(([method, op]) => ({ where: `${method} ${path}`, op })),
  )
const slugs = (op: Json, status: number) =>
  op.responses[String(status)]?.content['application/problem+json'].schema.properties.type.enum.map((t: string) =>
    t.replace('https://apotheca.dev/problems/', ''),
  )

test('every catalog operation declares its success answer with a JSON schema, and the problems it answers', () => {
  const ops = operations()
  assert.deepEqual(ops.map((o) => o.where).sort(), [
    'get /drugs/search',
    'get /drugs/{drugId}',
    'get /drugs/{drugId}/equivalents',
    'post /catalog/imports',
    'post /interactions/check',
    'post /internal/interactions/check',
  ])
  for (const { where, op } of ops) assert.ok(op.responses['200'].content['application/json'].schema, where)
  assert.deepEqual(slugs(doc.paths['/drugs/{drugId}'].get, 404), ['not-found'])
  assert.deepEqual(slugs(doc.paths['/drugs/{drugId}/equivalents'].get, 404), ['not-found'])
  assert.deepEqual(slugs(doc.paths['/drugs/search'].get, 422), ['search-criterion-required'])
  assert.deepEqual(slugs(doc.paths['/interactions/check'].post, 404), ['drugs-not-found', 'not-found'])
  assert.deepEqual(slugs(doc.paths['/internal/interactions/check'].post, 404), ['drugs-not-found'])
  assert.deepEqual(slugs(doc.paths['/catalog/imports'].post, 403), ['forbidden', 'no-role'])
})

test('query integers are integers in the document; text parameters carry the patterns the server applies', () => {
  for (const { where, op } of operations())
    for (const p of op.parameters ?? []) if (/^(limit|offset)$/.test(p.name)) assert.equal(p.schema.type, 'integer', `${where} ${p.name}`)
  const search = Object.fromEntries(doc.paths['/drugs/search'].get.parameters.map((p: Json) => [p.name, p.schema]))
  for (const name of ['q', 'ndc', 'ingredient', 'rxcui', 'dosage_form', 'route']) assert.ok(search[name].pattern, name)
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
