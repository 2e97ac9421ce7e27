import { test } from 'node:test'
import assert from 'node:assert/strict'
import { messageFor, passwordResetMessage } from './templates.ts'

const env = (type: string, payload: object) =>
  ({ id: crypto.randomUUID(), type, occurred_at: '', aggregate_id: 'x', version: 1, traceparent: null, payload }) as any

test('a shipped order gets a message naming the order but no medicine', () => {
  const m = messageFor(env('orders.order.status_changed.v1', { order_id: 'abcdef12-0000-0000-0000-000000000000', order_status: 'shipped' }))
  assert.equal(m?.template, 'order_shipped')
  assert.match(m!.subject, /ABCDEF12/)
})

test('statuses a patient need not hear of give no message', () => {
  assert.equal(messageFor(env('orders.order.status_changed.v1', { order_id: 'abcdef12', order_status: 'fulfilling' })), null)
  assert.equal(messageFor(env('prescriptions.prescription.status_changed.v1', { to: 'in_review' })), null)
  assert.equal(messageFor(env('inventory.stock.adjusted.v1', {})), null)
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
