import { test } from 'node:test'
import assert from 'node:assert/strict'
import { commitAction, mergePicks, planCommit, releaseAction, type HeldLine } from './reservation.ts'
import type { BatchStock } from './fefo.ts'

const DRUG = '11111111-1111-4111-8111-111111111111'
const LOC = '33333333-3333-4333-8333-333333333333'
const CUTOFF = '2026-03-31'
const b = (n: string, over: Partial<BatchStock> = {}): BatchStock => ({
  batch_id: `id-${n}`,
  drug_id: DRUG,
  location_id: LOC,
  batch_number: n,
  expiry_date: '2027-01-01',
  quantity_on_hand: 10,
  quantity_reserved: 0,
  status: 'available',
  ...over,
})

test('release and commit follow the reservation state machine', () => {
  assert.deepEqual(
    ['held', 'released', 'committed'].map((s) => releaseAction(s as any)),
    ['release', 'noop', 'conflict'],
  )
  assert.deepEqual(
    ['held', 'released', 'committed'].map((s) => commitAction(s as any)),
    ['commit', 'repick', 'noop'],
  )
})

test('a held reservation on available batches is dispensed as held', () => {
  const line: HeldLine = { ...b('A', { quantity_reserved: 4 }), quantity: 4 }
  const plan = planCommit(true, [line], [b('A', { quantity_reserved: 4 })], CUTOFF)
  assert.deepEqual(
    plan.keep.map((p) => [p.batch_number, p.quantity]),
    [['A', 4]],
  )
  assert.deepEqual([plan.unreserve, plan.fresh, plan.short], [[], [], []])
})

test('units held on a quarantined batch are given back and picked again elsewhere', () => {
  const q = b('Q', { status: 'quarantined', quantity_reserved: 3, expiry_date: '2026-06-01' })
  const plan = planCommit(true, [{ ...q, quantity: 3 }], [q, b('B', { expiry_date: '2027-05-01' })], CUTOFF)
  assert.deepEqual(
    plan.unreserve.map((p) => p.batch_number),
    ['Q'],
  )
  assert.deepEqual(
    plan.fresh.map((p) => [p.batch_number, p.quantity]),
    [['B', 3]],
  )
})

test('a lapsed hold is picked again, and says what is short', () => {
  const plan = planCommit(false, [{ ...b('A'), quantity: 12 }], [b('A')], CUTOFF)
  assert.deepEqual(plan.short, [{ drug_id: DRUG, requested: 12, available: 10 }])
})

test('picks of the same batch are added up', () => {
  const p = { batch_id: 'x', drug_id: DRUG, batch_number: 'X', expiry_date: '2027-01-01', location_id: LOC, quantity: 2 }
  assert.deepEqual(mergePicks([p, { ...p, quantity: 3 }]), [{ ...p, quantity: 5 }])
})
