import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isControlled, needsSecondPerson } from './controlled.ts'

test('schedules II-V are controlled; counts of them need a second person, other changes do not', () => {
  assert.deepEqual(['CI', 'CII', 'CIII', 'CIV', 'CV', null].map(isControlled), [false, true, true, true, true, false])
  assert.equal(needsSecondPerson('cycle_count', 'CII'), true)
  assert.equal(needsSecondPerson('cycle_count', null), false)
  assert.equal(needsSecondPerson('received', 'CII'), false)
})
