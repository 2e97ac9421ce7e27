import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import inventory from '../src/module.ts'
import * as schemas from '../src/http/schemas.ts'

// The OpenAPI document inventory contributes (its answers are checked against it in every other test).
type Json = Record<string, any>
let rt: TestRuntime
let doc: Json
before(async () => {
  rt = await startTestRuntime({ modules: [inventory] })
  doc = (await rt.request('GET', '/openapi.json')).json
})
after(async () => {
  await rt?.close()
})

const slugs = (op: Json, status: number) =>
  op.responses[String(status)]?.content['application/problem+json'].schema.properties.type.enum.map((t: string) =>
    t.replace('https://apotheca.dev/problems/', ''),
  )

test('every inventory operation declares its success answers with a JSON schema, and the problems it answers', () => {
  const ops = Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, o]) =>
    Object.entries(o).map(([method, op]) => ({ where: `${method} ${path}`, op })),
  )
  const mine = ops.filter((o) => o.where.includes('/inventory') || o.where.includes('/reservations'))
  assert.equal(mine.length, 9, mine.map((o) => o.where).join(', '))
  for (const { where, op } of mine) {
    const success = Object.keys(op.responses).filter((s) => s.startsWith('2'))
    assert.ok(success.length > 0, where)
    for (const s of success) assert.ok(op.responses[s].content['application/json'].schema, `${where} ${s}`)
  }
  const adjust = doc.paths['/inventory/{drugId}/adjust'].put
  assert.deepEqual(
    Object.keys(adjust.responses).filter((s) => s.startsWith('2')),
    ['200', '202'],
  )
  assert.deepEqual(slugs(adjust, 412), ['version-mismatch'])
  assert.ok(slugs(adjust, 422).includes('expiry-date-required'))
  assert.deepEqual(
    adjust.parameters.filter((p: Json) => p.in === 'header').map((p: Json) => [p.name, p.required]),
    [
      ['idempotency-key', false],
      ['if-match', false],
    ],
  )
  assert.equal(adjust.responses['202'].links.confirm.operationId, 'postInventoryAdjustmentsByAdjustmentIdConfirm')
  const confirm = doc.paths['/inventory/adjustments/{adjustmentId}/confirm'].post
  assert.deepEqual(slugs(confirm, 403), ['forbidden', 'no-role', 'second-person-required'])
})

test('request bodies are closed, and lot numbers and reasons carry the rules the server applies', () => {
  assert.equal(schemas.AdjustBody.safeParse({ quantity_delta: 1, reason: 'received', batch_number: 'L1', extra: 1 }).success, false)
  const batch = (v: string) => schemas.AdjustBody.safeParse({ quantity_delta: -1, reason: 'damaged', batch_number: v })
  assert.equal(batch('  LOT-1/A.b_2  ').data?.batch_number, 'LOT-1/A.b_2', 'trimmed on the way in')
  for (const bad of ['', '   ', '-LOT', 'LOT 1', 'L\u0000T', 'L'.repeat(65)]) assert.equal(batch(bad).success, false, bad)
  assert.equal(schemas.RecallBody.safeParse({ batch_number: 'L1', reason: '  ' }).success, false, 'a blank reason')
})

test('availability takes 1 to 100 comma-separated drug ids and nothing else', () => {
  const id = '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7'
  const q = (drug_ids: string) => schemas.AvailabilityQuery.safeParse({ drug_ids })
  assert.deepEqual(q(`${id},${id}`).data?.drug_ids, [id, id])
  for (const bad of ['', ',', `${id},`, `${id},,${id}`, `${id} `, 'x', Array(101).fill(id).join(',')])
    assert.equal(q(bad).success, false, bad.slice(0, 50))
  assert.equal(q(Array(100).fill(id).join(',')).success, true)
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
  assert.ok(checked >= 8, `${checked} examples`)
})
