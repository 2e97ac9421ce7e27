import type { EventEnvelope } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import { commitReservation } from '../../application/commit-reservation.ts'
import type { InventoryDeps } from '../../application/deps.ts'

/** orders.order.fulfilment_requested.v1 → dispense the order's reservation (delivery ships from the committed event). */
export function fulfilmentRequestedHandler(deps: InventoryDeps): Consumer {
  return {
    name: 'inventory.commit-on-fulfilment',
    types: ['orders.order.fulfilment_requested.v1'],
    handle: (env: EventEnvelope<'orders.order.fulfilment_requested.v1'>, { transaction }) =>
      commitReservation(deps, env.payload, transaction),
  }
}
