import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { EventEnvelope, EventPayload, OrderStatus, PrescriptionStatus } from '@apotheca/contracts'
import { messageFor, passwordResetMessage } from './templates.ts'

const PATIENT = '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f'
const envelope = <T extends 'orders.order.status_changed.v1' | 'prescriptions.prescription.status_changed.v1'>(
  type: T,
  payload: EventPayload<T>,
): EventEnvelope<T> => ({ id: crypto.randomUUID(), type, occurred_at: '', aggregate_id: 'x', version: 1, traceparent: null, payload })
const order = (order_status: OrderStatus) =>
  envelope('orders.order.status_changed.v1', {
    order_id: 'abcdef12-0000-4000-8000-000000000000',
    patient_id: PATIENT,
    from: null,
    order_status,
    payment_status: 'captured',
    reason: null,
  })
const prescription = (to: PrescriptionStatus) =>
  envelope('prescriptions.prescription.status_changed.v1', {
    prescription_id: crypto.randomUUID(),
    patient_id: PATIENT,
    from: 'received',
    to,
    reason: null,
    actor_id: null,
  })

test('a shipped order gets a message naming the order but no medicine', () => {
  const m = messageFor(order('shipped'))
  assert.equal(m?.template, 'order_shipped')
  assert.match(m!.subject, /ABCDEF12/)
})

test('statuses a patient need not hear of give no message', () => {
  assert.equal(messageFor(order('fulfilling')), null)
  assert.equal(messageFor(prescription('in_review')), null)
  assert.equal(messageFor(prescription('verified'))?.template, 'rx_verified')
})

test('the password-reset e-mail carries the token on its own line, in a link only as the fragment, and says what to do if unasked', () => {
  const token = 'x'.repeat(43)
  const plain = passwordResetMessage(token, '2026-11-26T10:05:00.000Z')
  assert.equal(plain.template, 'password_reset')
  assert.ok(plain.text.split('\n').includes(token))
  assert.match(plain.text, /until 2026-11-26 10:05 UTC/)
  assert.match(plain.text, /did not ask for this, ignore this e-mail/)
  assert.doesNotMatch(plain.text, /https?:/)
  const linked = passwordResetMessage(token, '2026-11-26T10:05:00.000Z', 'https://pharmacy.example/reset')
  assert.ok(linked.text.includes(`https://pharmacy.example/reset#token=${token}`))
  assert.doesNotMatch(linked.text, /\?token=/)
})
