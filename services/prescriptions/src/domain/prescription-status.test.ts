import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PrescriptionStatus } from '@apotheca/contracts'
import { TRANSITIONS, isFinal, nextStatus } from './prescription-status.ts'

test('intake runs received → validating → in_review', () => {
  assert.equal(nextStatus('received', 'validate'), 'validating')
  assert.equal(nextStatus('validating', 'queue'), 'in_review')
})

test('validation queues for review or refuses (rejected); a pharmacist never rejects from validating', () => {
  assert.equal(nextStatus('validating', 'refuse'), 'rejected')
  assert.equal(nextStatus('validating', 'reject'), null)
  assert.equal(nextStatus('received', 'queue'), null, 'no review without validation')
  assert.equal(nextStatus('received', 'refuse'), null)
  for (const s of ['in_review', 'verified', 'rejected', 'cancelled', 'expired', 'inactive'] as const)
    assert.equal(nextStatus(s, 'validate'), null, `validate from ${s}`)
})

test('a prescription not yet reviewed may be cancelled by its prescriber', () => {
  assert.equal(nextStatus('received', 'cancel'), 'cancelled')
  assert.equal(nextStatus('validating', 'cancel'), 'cancelled')
})

test('a pharmacist approves or rejects only what is in review', () => {
  for (const s of ['received', 'validating', 'verified', 'rejected', 'cancelled', 'expired', 'inactive'] as const) {
    assert.equal(nextStatus(s, 'reject'), null, `reject from ${s}`)
  }
  assert.equal(nextStatus('in_review', 'approve'), 'verified')
  assert.equal(nextStatus('in_review', 'reject'), 'rejected')
  for (const s of ['received', 'validating', 'verified', 'rejected', 'cancelled', 'expired', 'inactive'] as const) {
    assert.equal(nextStatus(s, 'approve'), null, `approve from ${s}`)
  }
})

test('verifying twice, or verifying a rejected prescription, is illegal', () => {
  assert.equal(nextStatus('verified', 'approve'), null)
  assert.equal(nextStatus('rejected', 'approve'), null)
  assert.equal(nextStatus('verified', 'reject'), null)
})

test('cancel works before dispensing, not after a final status', () => {
  assert.equal(nextStatus('in_review', 'cancel'), 'cancelled')
  assert.equal(nextStatus('verified', 'cancel'), 'cancelled')
  assert.equal(nextStatus('rejected', 'cancel'), null)
  assert.equal(nextStatus('inactive', 'cancel'), null)
})

test('medication history goes straight to inactive and stays there', () => {
  assert.equal(nextStatus('received', 'archive'), 'inactive')
  assert.equal(isFinal('inactive'), true)
})

test('the table covers every status of the vocabulary and only leads to statuses of it', () => {
  assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...PrescriptionStatus.options].sort())
  for (const edges of Object.values(TRANSITIONS)) {
    for (const to of Object.values(edges)) assert.ok(PrescriptionStatus.options.includes(to!))
  }
  for (const s of ['rejected', 'cancelled', 'expired', 'inactive'] as const) assert.equal(isFinal(s), true)
  assert.equal(isFinal('in_review'), false)
})
