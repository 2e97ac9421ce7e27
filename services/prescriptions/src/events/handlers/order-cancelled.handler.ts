import { consumer, type Consumer } from '@apotheca/kernel'
import type { PrescriptionsDeps } from '../../application/deps.ts'
import { reverseFillsOfOrder } from '../../application/reverse-fills.ts'

/** Reverses the fills of an order that was cancelled (only an unshipped order can be). */
export function orderCancelledHandler(deps: PrescriptionsDeps): Consumer {
  return consumer({
    name: 'prescriptions.reverse-fills',
    types: ['orders.order.status_changed.v1'],
    handle: async (event, { transaction }) => {
      if (event.payload.order_status !== 'cancelled') return
      await transaction((tx) => reverseFillsOfOrder(deps, event.payload.order_id, tx))
    },
  })
}
