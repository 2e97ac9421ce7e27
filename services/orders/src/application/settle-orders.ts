import type { Config, Job } from '@apotheca/kernel'
import { findOrdersToSettle } from '../db/order.repository.ts'
import { cancelOrder, compensateOrder } from './cancel-order.ts'
import type { OrdersDeps } from './deps.ts'

/**
 * Finishes what a crash or an outage left half done: cancels checkouts stuck in 'pending' and gives
 * back the stock and money of cancelled orders whose compensation did not complete.
 */
export async function settleOrders(
  deps: OrdersDeps,
  after: Pick<SettleTiming, 'pendingSeconds' | 'cancelledSeconds'> = deps.settle,
): Promise<number> {
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

/** How often the settle job runs, and its thresholds. */
export interface SettleTiming {
  everyMs: number
  pendingSeconds: number
  cancelledSeconds: number
}

/**
 * The timing from the configuration (crash tests shorten it): APOTHECA_ORDERS_SETTLE_EVERY_MS,
 * APOTHECA_ORDERS_SETTLE_PENDING_SECONDS, APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS; defaults 30 s, 10 min, 60 s.
 */
export function settleTiming(
  config: Pick<
    Config,
    'APOTHECA_ORDERS_SETTLE_EVERY_MS' | 'APOTHECA_ORDERS_SETTLE_PENDING_SECONDS' | 'APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS'
  >,
): SettleTiming {
  return {
    everyMs: config.APOTHECA_ORDERS_SETTLE_EVERY_MS,
    pendingSeconds: config.APOTHECA_ORDERS_SETTLE_PENDING_SECONDS,
    cancelledSeconds: config.APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS,
  }
}

/** The settle job, on the deps' timing. */
export const settleOrdersJob = (deps: OrdersDeps): Job => ({
  name: 'orders.settle',
  everyMs: deps.settle.everyMs,
  run: async () => {
    await settleOrders(deps)
  },
})
