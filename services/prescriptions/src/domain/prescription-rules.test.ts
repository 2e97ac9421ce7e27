import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addMonths, checkRules, defaultExpiry, isIsoDate, maxRefills, needsStepUp } from './prescription-rules.ts'

const today = '2026-03-10'
const base = { issue_date: '2026-03-01', expiry_date: null, quantity: 30, refill_count: 1 }
const fields = (r: ReturnType<typeof checkRules>) => r.violations.map((v) => v.field)

test('adding months clamps to the end of a shorter month', () => {
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28')
  assert.equal(addMonths('2028-02-29', 12), '2029-02-28')
  assert.equal(addMonths('2026-01-15', 12), '2027-01-15')
})

test('default expiry: one year, six months for schedules III–V', () => {
  assert.equal(defaultExpiry('2026-03-01', null), '2027-03-01')
  assert.equal(defaultExpiry('2026-03-01', 'CII'), '2027-03-01')
  assert.equal(defaultExpiry('2026-03-01', 'CIV'), '2026-09-01')
  assert.equal(checkRules(base, null, today).expiry_date, '2027-03-01')
})

test('a valid prescription breaks no rule', () => {
  assert.deepEqual(checkRules(base, null, today).violations, [])
  assert.deepEqual(checkRules({ ...base, refill_count: 0 }, 'CII', today).violations, [])
})

test('issue date in the future, expiry before issue, or past the legal limit are refused', () => {
  assert.deepEqual(fields(checkRules({ ...base, issue_date: '2026-03-11' }, null, today)), ['issue_date'])
  assert.deepEqual(fields(checkRules({ ...base, expiry_date: '2026-03-01' }, null, today)), ['expiry_date'])
  assert.deepEqual(fields(checkRules({ ...base, expiry_date: '2026-12-01' }, 'CIII', today)), ['expiry_date'])
  assert.deepEqual(fields(checkRules({ ...base, issue_date: '2024-01-01' }, null, today)), ['expiry_date'])
})

test('quantity and refills are bounded, tighter for controlled substances', () => {
  assert.deepEqual(fields(checkRules({ ...base, quantity: 0 }, null, today)), ['quantity'])
  assert.deepEqual(fields(checkRules({ ...base, quantity: 10_001 }, null, today)), ['quantity'])
  assert.deepEqual(fields(checkRules({ ...base, refill_count: 12 }, null, today)), ['refill_count'])
  assert.deepEqual(fields(checkRules({ ...base, refill_count: 1 }, 'CII', today)), ['refill_count'])
  assert.deepEqual(fields(checkRules({ ...base, refill_count: 6 }, 'CIV', today)), ['refill_count'])
  assert.deepEqual(checkRules({ ...base, refill_count: 5 }, 'CIII', today).violations, [])
  assert.equal(maxRefills('CV'), 11)
})

test('schedule I is never prescribable', () => {
  assert.ok(fields(checkRules({ ...base, refill_count: 0 }, 'CI', today)).includes('drug_id'))
})

test('a controlled substance needs a second factor from the last five minutes', () => {
  const now = 1_800_000_000
  assert.equal(needsStepUp(null, undefined, now), false)
  assert.equal(needsStepUp('CII', undefined, now), true)
  assert.equal(needsStepUp('CII', now - 60, now), false)
  assert.equal(needsStepUp('CV', now - 301, now), true)
})

test('ISO dates must be real calendar days', () => {
  assert.equal(isIsoDate('2026-02-28'), true)
  assert.equal(isIsoDate('2026-02-30'), false)
  assert.equal(isIsoDate('2026-2-3'), false)
})
