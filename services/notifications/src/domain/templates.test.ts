import { test } from 'node:test'
import assert from 'node:assert/strict'
import { messageFor } from './templates.ts'

const env = (type: string, payload: object) => ({ id: crypto.randomUUID(), type, occurred_at: '', aggregate_id: 'x', version: 1, traceparent: null, payload }) as any

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
