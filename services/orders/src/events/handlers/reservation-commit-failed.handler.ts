import type { Consumer } from '@apotheca/kernel'
import { cancelBySystem } from '../../application/cancel-order.ts'
import type { OrdersDeps } from '../../application/deps.ts'

/**
 * inventory.reservation.commit_failed.v1: the pharmacy began fulfilling an order that stock can no
 * longer supply; the saga's compensation cancels it and gives the money back. It calls the provider,
 * so it runs before the inbox transaction; it is idempotent, so a redelivery is harmless.
 */
export const reservationCommitFailed = (deps: OrdersDeps): Consumer => ({
  name: 'orders.reservation-commit-failed',
  types: ['inventory.reservation.commit_failed.v1'],
  async handle(env) {
    await cancelBySystem(deps, (env.payload as { order_id: string }).order_id, 'out_of_stock_at_dispensing')
  },
})
