import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ShipmentStatus } from '@apotheca/contracts'
import { canTransition, decideStatusUpdate, isOpen, isTooFarAhead, missingProof, NEXT_STATUSES } from './shipment-status.ts'

const at = (iso: string) => new Date(iso)
const current = (status: ShipmentStatus, when = '2026-03-01T10:00:00Z') => ({ status, status_occurred_at: at(when) })

test('the fleet path and the carrier path are legal', () => {
  for (const [from, to] of [
    ['label_created', 'assigned'],
    ['assigned', 'out_for_delivery'],
    ['assigned', 'in_transit'],
    ['in_transit', 'out_for_delivery'],
    ['out_for_delivery', 'delivered'],
    ['out_for_delivery', 'failed_attempt'],
    ['failed_attempt', 'out_for_delivery'],
    ['failed_attempt', 'returned'],
  ] as const)
    assert.ok(canTransition(from, to), `${from} → ${to}`)
})

test('delivered and returned are final, and nothing skips the assignment', () => {
  for (const s of ShipmentStatus.options) {
    assert.equal(canTransition('delivered', s), false)
    assert.equal(canTransition('returned', s), false)
  }
  assert.equal(canTransition('label_created', 'out_for_delivery'), false)
  assert.equal(canTransition('label_created', 'delivered'), false)
  assert.equal(canTransition('out_for_delivery', 'assigned'), false)
  assert.equal(canTransition('failed_attempt', 'delivered'), false)
  assert.equal(isOpen('delivered'), false)
  assert.equal(isOpen('failed_attempt'), true)
})

test('every status has an entry in the transition table, with known statuses only', () => {
  assert.deepEqual(Object.keys(NEXT_STATUSES).sort(), [...ShipmentStatus.options].sort())
  for (const next of Object.values(NEXT_STATUSES)) for (const s of next) assert.ok(ShipmentStatus.options.includes(s))
})

test('a legal newer report applies; an illegal one is refused', () => {
  assert.deepEqual(decideStatusUpdate(current('assigned'), { status: 'out_for_delivery', occurred_at: at('2026-03-01T10:05:00Z') }), {
    kind: 'apply',
    from: 'assigned',
    to: 'out_for_delivery',
  })
  assert.deepEqual(decideStatusUpdate(current('delivered'), { status: 'out_for_delivery', occurred_at: at('2026-03-01T11:00:00Z') }), {
    kind: 'illegal',
    from: 'delivered',
    to: 'out_for_delivery',
  })
})

test('an older report never moves the status back, even when it would be illegal now', () => {
  assert.deepEqual(decideStatusUpdate(current('delivered'), { status: 'out_for_delivery', occurred_at: at('2026-03-01T09:00:00Z') }), {
    kind: 'stale',
    status: 'delivered',
  })
  // Same instant is not older: it is decided by the rules.
  assert.equal(
    decideStatusUpdate(current('assigned'), { status: 'out_for_delivery', occurred_at: at('2026-03-01T10:00:00Z') }).kind,
    'apply',
  )
})

test('the same status reported again is a no-op, not a conflict (client retries)', () => {
  assert.deepEqual(
    decideStatusUpdate(current('out_for_delivery'), { status: 'out_for_delivery', occurred_at: at('2026-03-01T10:01:00Z') }),
    { kind: 'unchanged', status: 'out_for_delivery' },
  )
})

test('a delivery needs the recipient name; other statuses need no proof', () => {
  assert.match(missingProof('delivered', undefined)!, /recipient_name/)
  assert.match(missingProof('delivered', { recipient_name: '  ' })!, /recipient_name/)
  assert.match(missingProof('delivered', { photo_sha256: 'ab' })!, /recipient_name/)
  assert.equal(missingProof('delivered', { recipient_name: 'Ada Lovelace' }), null)
  assert.equal(missingProof('failed_attempt', undefined), null)
})

test('occurred_at far in the future is refused; a little clock drift is not', () => {
  const now = at('2026-03-01T10:00:00Z')
  assert.equal(isTooFarAhead(at('2026-03-01T10:05:00Z'), now), false)
  assert.equal(isTooFarAhead(at('2026-03-01T11:00:00Z'), now), true)
})
