import { test } from 'node:test'
import assert from 'node:assert/strict'
import { canReport, canView } from './shipment-access.ts'

const s = { patient_id: 'p1', driver_id: 'd1' }

test('the patient, the assigned driver and staff see a shipment; others do not', () => {
  assert.ok(canView({ role: 'patient', sub: 'p1' }, s))
  assert.ok(canView({ role: 'driver', sub: 'd1' }, s))
  for (const role of ['pharmacist', 'technician', 'admin'] as const) assert.ok(canView({ role, sub: 'x' }, s))
  assert.equal(canView({ role: 'patient', sub: 'p2' }, s), false)
  assert.equal(canView({ role: 'driver', sub: 'd2' }, s), false)
  assert.equal(canView({ role: 'driver', sub: 'd1' }, { ...s, driver_id: null }), false)
  assert.equal(canView({ role: 'auditor', sub: 'a' }, s), false)
})

test('only the assigned driver, an admin or a carrier may report', () => {
  assert.ok(canReport({ kind: 'user', role: 'driver', sub: 'd1' }, s))
  assert.ok(canReport({ kind: 'user', role: 'admin', sub: 'a' }, s))
  assert.ok(canReport({ kind: 'carrier' }, s))
  assert.equal(canReport({ kind: 'user', role: 'driver', sub: 'd2' }, s), false)
  assert.equal(canReport({ kind: 'user', role: 'driver', sub: 'd1' }, { ...s, driver_id: null }), false)
})
