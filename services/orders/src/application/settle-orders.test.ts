import { test } from 'node:test'
import assert from 'node:assert/strict'
import { settleTiming } from './settle-orders.ts'

test('the settle timing comes from the environment, and nonsense falls back to the defaults', () => {
  assert.deepEqual(settleTiming({}), { everyMs: 30_000, pendingSeconds: 600, cancelledSeconds: 60 })
  assert.deepEqual(
    settleTiming({
      APOTHECA_ORDERS_SETTLE_EVERY_MS: '500',
      APOTHECA_ORDERS_SETTLE_PENDING_SECONDS: '5',
      APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS: '2',
    }),
    { everyMs: 500, pendingSeconds: 5, cancelledSeconds: 2 },
  )
  assert.deepEqual(
    settleTiming({
      APOTHECA_ORDERS_SETTLE_EVERY_MS: '-1',
      APOTHECA_ORDERS_SETTLE_PENDING_SECONDS: 'soon',
      APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS: '0',
    }),
    { everyMs: 30_000, pendingSeconds: 600, cancelledSeconds: 60 },
  )
})
