import type { Job } from '@apotheca/kernel'
import { findOrdersToSettle } from '../db/order.repository.ts'
import { cancelOrder, compensateOrder } from './cancel-order.ts'
import type { OrdersDeps } from './deps.ts'

/** When a checkout still pending is taken for abandoned (no request runs this long), and when a compensation is retried. */
export const SETTLE_AFTER = { pendingSeconds: 10 * 60, cancelledSeconds: 60 }

/**
 * Finishes what a crash or an outage left half done: cancels checkouts stuck in 'pending' and gives
 * back the stock and money of cancelled orders whose compensation did not complete.
 */
export async function settleOrders(deps: OrdersDeps, after = SETTLE_AFTER): Promise<number> {
  const orders = await findOrdersToSettle(deps.db, { ...after, limit: 50 })
  let settled = 0
  for (const o of orders) {
    try {
      if (o.order_status === 'pending') await cancelOrder(deps, o.order_id, { reason: 'checkout_abandoned', actor_id: null })
      const done = await compensateOrder(deps, o.order_id)
      if (done?.compensated_at) settled++
    } catch (err) {
      deps.log.warn({ order_id: o.order_id, err: (err as Error).message.slice(0, 200) }, 'settling an order failed; will retry')
    }
  }
  if (orders.length) deps.log.info({ found: orders.length, settled }, 'orders settled')
  return settled
}

/** The settle job, every 30 s. */
export const settleOrdersJob = (deps: OrdersDeps): Job => ({ name: 'orders.settle', everyMs: 30_000, run: async () => { await settleOrders(deps) } })
