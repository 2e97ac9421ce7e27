import type { Consumer } from '@apotheca/kernel'
import { lockOrder, updateOrder } from '../../db/order.repository.ts'

/**
 * inventory.reservation.released.v1 and .committed.v1: the order keeps track of its stock hold, so
 * that fulfilment reserves again after a hold expired, and cancellation knows stock was picked.
 */
function reservationSettled(
  type: 'inventory.reservation.released.v1' | 'inventory.reservation.committed.v1',
  status: 'released' | 'committed',
): Consumer {
  return {
    name: `orders.reservation-${status}`,
    types: [type],
    async handle(env, { transaction }) {
      const p = env.payload as { reservation_id: string; order_id: string }
      await transaction(async (tx) => {
        const o = await lockOrder(tx, p.order_id)
        if (o?.reservation_id === p.reservation_id && o.reservation_status !== status)
          await updateOrder(tx, o.order_id, { reservation_status: status })
      })
    },
  }
}

/** Records that the order's reservation was released (expired, compensated). */
export const reservationReleased = reservationSettled('inventory.reservation.released.v1', 'released')

/** Records that the order's stock was picked. */
export const reservationCommitted = reservationSettled('inventory.reservation.committed.v1', 'committed')
