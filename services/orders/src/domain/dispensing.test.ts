import { test } from 'node:test'
import assert from 'node:assert/strict'
import { STEP_UP_SECONDS, isFreshStepUp, needsStepUp } from './dispensing.ts'

test('only controlled substances need a step-up', () => {
  assert.equal(needsStepUp([{ dea_schedule: null }]), false)
  assert.equal(needsStepUp([{ dea_schedule: null }, { dea_schedule: 'CII' }]), true)
})

test('a step-up is fresh for five minutes, and missing means not fresh', () => {
  const now = 1_800_000_000
  assert.equal(isFreshStepUp(now - 10, now), true)
  assert.equal(isFreshStepUp(now - STEP_UP_SECONDS, now), true)
  assert.equal(isFreshStepUp(now - STEP_UP_SECONDS - 1, now), false)
  assert.equal(isFreshStepUp(undefined, now), false)
  assert.equal(isFreshStepUp(now + 3600, now), false)
})
