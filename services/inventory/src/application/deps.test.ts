import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readMinShelfDays } from './deps.ts'

test('APOTHECA_MIN_SHELF_DAYS defaults to 30 days and refuses what is not a whole number of days', () => {
  assert.equal(readMinShelfDays({}), 30)
  assert.equal(readMinShelfDays({ APOTHECA_MIN_SHELF_DAYS: '' }), 30)
  assert.equal(readMinShelfDays({ APOTHECA_MIN_SHELF_DAYS: '90' }), 90)
  assert.equal(readMinShelfDays({ APOTHECA_MIN_SHELF_DAYS: '0' }), 0)
  assert.throws(() => readMinShelfDays({ APOTHECA_MIN_SHELF_DAYS: 'soon' }), /APOTHECA_MIN_SHELF_DAYS/)
  assert.throws(() => readMinShelfDays({ APOTHECA_MIN_SHELF_DAYS: '-1' }), /APOTHECA_MIN_SHELF_DAYS/)
})
