import { test } from 'node:test'
import assert from 'node:assert/strict'
import { nextStatus, planAdjustment, type BatchState } from './adjustment.ts'

const TODAY = '2026-03-01'
const batch = (over: Partial<BatchState> = {}): BatchState => ({
  status: 'available',
  expiry_date: '2027-01-31',
  quantity_on_hand: 10,
  quantity_reserved: 0,
  ...over,
})
const slug = (p: ReturnType<typeof planAdjustment>) => (p.ok ? 'ok' : p.refusal.slug)

test('receiving a new batch creates it, and needs a valid, future expiry date', () => {
  assert.deepEqual(planAdjustment({ reason: 'received', quantity_delta: 30, expiry_date: '2028-01-31' }, null, TODAY), {
    ok: true,
    create: true,
    delta: 30,
    status: 'available',
    expiry_date: '2028-01-31',
  })
  assert.equal(slug(planAdjustment({ reason: 'received', quantity_delta: 30 }, null, TODAY)), 'expiry-date-required')
  assert.equal(slug(planAdjustment({ reason: 'received', quantity_delta: 30, expiry_date: '2026-03-01' }, null, TODAY)), 'batch-expired')
})

test('the sign of the delta must fit the reason', () => {
  assert.equal(slug(planAdjustment({ reason: 'received', quantity_delta: -1 }, batch(), TODAY)), 'invalid-adjustment')
  assert.equal(slug(planAdjustment({ reason: 'damaged', quantity_delta: 2 }, batch(), TODAY)), 'invalid-adjustment')
  assert.equal(slug(planAdjustment({ reason: 'dispensed', quantity_delta: 0 }, batch(), TODAY)), 'invalid-adjustment')
  assert.equal(slug(planAdjustment({ reason: 'cycle_count', quantity_delta: 3 }, batch(), TODAY)), 'ok')
  assert.equal(slug(planAdjustment({ reason: 'cycle_count', quantity_delta: -3 }, batch(), TODAY)), 'ok')
})

test('never below zero, never below what is reserved', () => {
  const p = planAdjustment({ reason: 'damaged', quantity_delta: -1000000 }, batch(), TODAY)
  assert.equal(p.ok ? 0 : p.refusal.status, 409)
  assert.equal(
    slug(planAdjustment({ reason: 'damaged', quantity_delta: -7 }, batch({ quantity_reserved: 4 }), TODAY)),
    'insufficient-stock',
  )
  assert.equal(slug(planAdjustment({ reason: 'damaged', quantity_delta: -6 }, batch({ quantity_reserved: 4 }), TODAY)), 'ok')
})

test('a negative delta on an unknown batch is a 404', () => {
  const p = planAdjustment({ reason: 'damaged', quantity_delta: -1 }, null, TODAY)
  assert.equal(p.ok ? 0 : p.refusal.status, 404)
})

test('status transitions: quarantine and release, recall is final', () => {
  assert.equal(nextStatus('quarantine', 'available'), 'quarantined')
  assert.equal(nextStatus('release', 'quarantined'), 'available')
  assert.equal(nextStatus('recall', 'quarantined'), 'recalled')
  assert.equal(nextStatus('release', 'recalled'), null)
  assert.equal(nextStatus('quarantine', 'expired'), null)
  assert.equal(nextStatus('expired', 'recalled'), 'recalled')
  assert.equal(nextStatus('received', 'recalled'), null)
  assert.equal(slug(planAdjustment({ reason: 'release', quantity_delta: 0 }, batch({ status: 'recalled' }), TODAY)), 'illegal-transition')
})

test('expired applies only to a batch past its date; an expiry date must match the batch', () => {
  assert.equal(slug(planAdjustment({ reason: 'expired', quantity_delta: -10 }, batch(), TODAY)), 'batch-not-expired')
  const p = planAdjustment({ reason: 'expired', quantity_delta: -10 }, batch({ expiry_date: '2026-02-28' }), TODAY)
  assert.equal(p.ok && p.status, 'expired')
  assert.equal(
    slug(planAdjustment({ reason: 'received', quantity_delta: 1, expiry_date: '2029-01-01' }, batch(), TODAY)),
    'expiry-date-mismatch',
  )
})
