import type { EventEnvelope } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import type { InventoryDeps } from '../../application/deps.ts'
import { releaseOrderReservation } from '../../application/release-reservation.ts'

/** orders.order.status_changed.v1 → a cancelled order's held stock goes back on the shelf. */
export function orderStatusChangedHandler(deps: InventoryDeps): Consumer {
  return {
    name: 'inventory.release-on-cancel',
    types: ['orders.order.status_changed.v1'],
    async handle(env: EventEnvelope<'orders.order.status_changed.v1'>, { transaction }) {
      if (env.payload.order_status !== 'cancelled') return
      await releaseOrderReservation(deps, env.payload.order_id, 'order_cancelled', transaction)
    },
  }
}
