import { test } from 'node:test'
import assert from 'node:assert/strict'
import { KEY_POLICY, planRotation } from './key-rotation.ts'

const T0 = Date.parse('2026-01-01T00:00:00Z')
const key = (kid: string, at: number) => ({ kid, activates_at: new Date(at).toISOString() })
const DAY = 86_400_000

test('a signing key younger than the policy is left alone; an older one gets a successor published ahead', () => {
  assert.deepEqual(planRotation([key('a', T0)], T0 + 29 * DAY, 'scheduled'), { create: 'none', retire: [] })
  assert.deepEqual(planRotation([key('a', T0)], T0 + KEY_POLICY.rotateAfterMs, 'scheduled'), { create: 'ahead', retire: [] })
})

test('while a successor waits to sign, nothing more is created and the predecessor stays published', () => {
  const now = T0 + 31 * DAY
  assert.deepEqual(planRotation([key('b', now + 60_000), key('a', T0)], now, 'scheduled'), { create: 'none', retire: [] })
  assert.deepEqual(planRotation([key('b', now + 60_000), key('a', T0)], now, 'requested'), { create: 'none', retire: [] })
})

test('the predecessor is retired only once every token it signed has expired', () => {
  const bAt = T0 + 31 * DAY
  assert.deepEqual(planRotation([key('b', bAt), key('a', T0)], bAt + 15 * 60_000, 'scheduled').retire, [])
  assert.deepEqual(planRotation([key('b', bAt), key('a', T0)], bAt + KEY_POLICY.retireAfterMs, 'scheduled').retire, ['a'])
})

test('an administrator may ask for a successor early; compromised keys are all replaced at once', () => {
  assert.deepEqual(planRotation([key('a', T0)], T0 + DAY, 'requested'), { create: 'ahead', retire: [] })
  assert.deepEqual(planRotation([key('b', T0 + DAY), key('a', T0)], T0 + DAY, 'compromised'), { create: 'now', retire: ['b', 'a'] })
})

test('no key signing yet: one is made to sign at once', () => {
  assert.equal(planRotation([], T0, 'scheduled').create, 'now')
})
