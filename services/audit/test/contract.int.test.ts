import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import audit from '../src/module.ts'
import * as schemas from '../src/http/schemas.ts'

// The OpenAPI document audit contributes (its answers are checked against it in every other test).
type Json = Record<string, any>
let rt: TestRuntime
let doc: Json
before(async () => {
  rt = await startTestRuntime({ modules: [audit] })
  doc = (await rt.request('GET', '/openapi.json')).json
})
after(async () => {
  await rt?.close()
})

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.tags?.includes('audit'))
      .map(([method, op]) => ({ where: `${method} ${path}`, op })),
  )

test('every audit operation declares its success answers with a JSON schema (the JSON Lines export aside, for now)', () => {
  const ops = operations()
  assert.equal(ops.length, 8)
  for (const { where, op } of ops) {
    if (where === 'get /audit/export') continue
    const successes = Object.keys(op.responses).filter((s) => Number(s) < 300)
    assert.ok(successes.length, where)
    for (const s of successes) assert.ok(op.responses[s].content['application/json'].schema, `${where} ${s}`)
  }
  assert.deepEqual(
    Object.keys(doc.paths['/audit/checkpoints'].post.responses).filter((s) => Number(s) < 300),
    ['200', '201'],
  )
  assert.deepEqual(doc.paths['/audit/proof'].get.responses['409'].content['application/problem+json'].schema.properties.type.enum, [
    'https://apotheca.dev/problems/not-yet-checkpointed',
  ])
})

test('query integers are integers in the document and canonical decimal text on the wire', async () => {
  for (const { where, op } of operations())
    for (const p of op.parameters ?? []) if (/seq|limit/.test(p.name)) assert.equal(p.schema.type, 'integer', `${where} ${p.name}`)
  const token = await rt.token('auditor')
  for (const q of ['limit=', 'limit=0x10', 'limit=1e2', 'limit=%205', 'limit=05', 'limit=-1', 'limit=1001'])
    assert.equal((await rt.request('GET', `/audit/checkpoints?${q}`, { token })).status, 400, q)
  assert.equal((await rt.request('GET', '/audit/checkpoints?limit=1000', { token })).status, 200)
})

test('every example is one its schema accepts', () => {
  let checked = 0
  for (const [name, schema] of Object.entries(schemas)) {
    if (!(schema instanceof z.ZodType)) continue
    for (const example of (schema.meta()?.examples ?? []) as unknown[]) {
      assert.ok(schema.safeParse(example).success, name)
      checked++
    }
  }
  assert.ok(checked >= 2, `${checked} examples`)
})
