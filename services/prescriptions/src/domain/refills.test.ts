import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkFill, earliestRefill, type FillState } from './refills.ts'

const today = '2026-03-10'
const s = (o: Partial<FillState> = {}): FillState => ({
  status: 'verified',
  expiry_date: '2027-01-01',
  refills_remaining: 2,
  fills_count: 0,
  last_filled_on: null,
  days_supply: 30,
  ...o,
})

test('the first fill is the original: it uses no refill', () => {
  assert.deepEqual(checkFill(s(), today), { refills_remaining: 2, last: false })
  assert.deepEqual(checkFill(s({ refills_remaining: 0 }), today), { refills_remaining: 0, last: true })
})

test('each refill uses one; none left is refused', () => {
  assert.deepEqual(checkFill(s({ fills_count: 1, last_filled_on: '2026-01-01' }), today), { refills_remaining: 1, last: false })
  assert.deepEqual(checkFill(s({ fills_count: 2, refills_remaining: 1, last_filled_on: '2026-01-01' }), today), {
    refills_remaining: 0,
    last: true,
  })
  assert.equal((checkFill(s({ fills_count: 3, refills_remaining: 0, last_filled_on: '2026-01-01' }), today) as any).slug, 'no-refills-left')
})

test("too early: before 75% of the last days' supply has passed", () => {
  assert.equal(earliestRefill('2026-03-01', 30), '2026-03-24')
  const early = checkFill(s({ fills_count: 1, last_filled_on: '2026-03-01' }), '2026-03-23') as any
  assert.equal(early.slug, 'refill-too-early')
  assert.equal(early.earliest, '2026-03-24')
  assert.deepEqual(checkFill(s({ fills_count: 1, last_filled_on: '2026-03-01' }), '2026-03-24'), { refills_remaining: 1, last: false })
})

test('expired or not verified is refused', () => {
  assert.equal((checkFill(s({ expiry_date: '2026-03-09' }), today) as any).slug, 'prescription-expired')
  assert.deepEqual(checkFill(s({ expiry_date: today }), today), { refills_remaining: 2, last: false }, 'valid through its expiry day')
  for (const status of ['in_review', 'cancelled', 'rejected', 'expired'])
    assert.equal((checkFill(s({ status }), today) as any).slug, 'not-dispensable')
})
