import { test } from 'node:test'
import assert from 'node:assert/strict'
import { OrderStatus } from '@apotheca/contracts'
import {
  ORDER_TRANSITIONS,
  canTransition,
  cancelRefusal,
  pathForShipment,
  paymentAfterCancel,
  statusAfterAuthorisation,
} from './order-status.ts'

test('the lifecycle allows exactly the agreed moves', () => {
  assert.ok(canTransition('pending', 'paid'))
  assert.ok(canTransition('pending', 'awaiting_verification'))
  assert.ok(canTransition('awaiting_verification', 'paid'))
  assert.ok(canTransition('paid', 'fulfilling'))
  assert.ok(canTransition('fulfilling', 'shipped'))
  assert.ok(canTransition('shipped', 'delivered'))
  assert.ok(canTransition('delivered', 'refunded'))
  assert.equal(canTransition('shipped', 'cancelled'), false)
  assert.equal(canTransition('delivered', 'cancelled'), false)
  assert.equal(canTransition('pending', 'fulfilling'), false)
  assert.equal(canTransition('awaiting_verification', 'fulfilling'), false)
  assert.equal(canTransition('paid', 'paid'), false)
})

test('cancelled and refunded are terminal, and every status has an entry', () => {
  for (const s of OrderStatus.options) assert.ok(Array.isArray(ORDER_TRANSITIONS[s]), s)
  assert.deepEqual(ORDER_TRANSITIONS.cancelled, [])
  assert.deepEqual(ORDER_TRANSITIONS.refunded, [])
})

test('an order can be cancelled until it ships', () => {
  for (const s of ['pending', 'awaiting_verification', 'paid', 'fulfilling'] as const)
    assert.equal(cancelRefusal({ order_status: s, shipment_id: null }), null, s)
  for (const s of ['shipped', 'delivered', 'cancelled', 'refunded'] as const)
    assert.match(cancelRefusal({ order_status: s, shipment_id: null })!, /cannot be cancelled/)
  assert.match(cancelRefusal({ order_status: 'fulfilling', shipment_id: 'x' })!, /shipment/)
})

test('payment is captured at once only when every prescription line is verified', () => {
  assert.deepEqual(
    statusAfterAuthorisation([
      { rx_only: false, prescription_status: null },
      { rx_only: true, prescription_status: 'verified' },
    ]),
    { order_status: 'paid', capture: true },
  )
  assert.deepEqual(statusAfterAuthorisation([{ rx_only: true, prescription_status: 'in_review' }]), {
    order_status: 'awaiting_verification',
    capture: false,
  })
})

test('cancelling voids an authorisation and refunds a capture', () => {
  assert.deepEqual(paymentAfterCancel('authorized'), { payment_status: 'voided', action: 'void' })
  assert.deepEqual(paymentAfterCancel('captured'), { payment_status: 'refunded', action: 'refund' })
  assert.deepEqual(paymentAfterCancel('failed'), { payment_status: 'failed', action: 'none' })
  assert.deepEqual(paymentAfterCancel('pending'), { payment_status: 'pending', action: 'none' })
})

test('shipment updates move the order forward, through shipped when delivery arrives first', () => {
  assert.deepEqual(pathForShipment('fulfilling', 'in_transit'), ['shipped'])
  assert.deepEqual(pathForShipment('fulfilling', 'out_for_delivery'), ['shipped'])
  assert.deepEqual(pathForShipment('fulfilling', 'delivered'), ['shipped', 'delivered'])
  assert.deepEqual(pathForShipment('shipped', 'delivered'), ['delivered'])
})

test('stale, repeated or irrelevant shipment updates move nothing', () => {
  assert.deepEqual(pathForShipment('shipped', 'in_transit'), [])
  assert.deepEqual(pathForShipment('delivered', 'out_for_delivery'), [])
  assert.deepEqual(pathForShipment('delivered', 'delivered'), [])
  assert.deepEqual(pathForShipment('fulfilling', 'label_created'), [])
  assert.deepEqual(pathForShipment('cancelled', 'delivered'), [])
  assert.deepEqual(pathForShipment('paid', 'in_transit'), [])
})
