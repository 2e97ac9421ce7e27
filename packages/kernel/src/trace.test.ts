import { test } from 'node:test'
import assert from 'node:assert/strict'
import { childTraceparent, currentTraceparent, withTrace } from './trace.ts'

test('a child span keeps the trace id of a valid parent and gets a new parent id', () => {
  const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
  const child = childTraceparent(parent)
  assert.match(child, /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/)
  assert.notEqual(child.slice(36, 52), '00f067aa0ba902b7')
})

test('a missing, malformed or all-zero parent starts a new trace', () => {
  for (const bad of [undefined, null, 'nonsense', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
    const t = childTraceparent(bad)
    assert.match(t, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
    assert.ok(!t.startsWith('00-0000000000000000'))
  }
})

test('the current traceparent is the one of the enclosing run, across awaits', async () => {
  assert.equal(currentTraceparent(), undefined)
  await withTrace('00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01', async () => {
    await new Promise((r) => setTimeout(r, 1))
    assert.equal(currentTraceparent(), '00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01')
  })
})
