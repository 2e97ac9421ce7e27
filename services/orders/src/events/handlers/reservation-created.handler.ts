import { ServiceCallError, inventoryClient } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import { findOrder, lockOrder, updateOrder } from '../../db/order.repository.ts'
import type { OrdersDeps } from '../../application/deps.ts'

/**
 * inventory.reservation.created.v1: closes the gap of a crash between inventory's answer and our
 * record of it. The order learns its reservation; if the order was cancelled meanwhile, the
 * reservation is released at once rather than held until it expires.
 */
export const reservationCreated = (deps: OrdersDeps): Consumer => ({
  name: 'orders.reservation-created',
  types: ['inventory.reservation.created.v1'],
  async handle(env, { transaction }) {
    const p = env.payload as { reservation_id: string; order_id: string }
    const o = await findOrder(deps.db, p.order_id)
    if (!o) return
    const ours = o.reservation_id === p.reservation_id
    const orphan = o.order_status === 'cancelled' && (!ours || o.reservation_status === 'held' || o.reservation_status === null)
    if (orphan) await release(deps, p.reservation_id)
    await transaction(async (tx) => {
      const locked = await lockOrder(tx, p.order_id)
      if (!locked) return
      if (orphan && (!locked.reservation_id || locked.reservation_id === p.reservation_id)) {
        await updateOrder(tx, p.order_id, { reservation_id: p.reservation_id, reservation_status: 'released' })
      } else if (!orphan && !locked.reservation_id) {
        await updateOrder(tx, p.order_id, { reservation_id: p.reservation_id, reservation_status: 'held' })
      }
    })
  },
})

async function release(deps: OrdersDeps, reservationId: string) {
  try {
    await inventoryClient(deps.services).release(reservationId, 'order_cancelled')
  } catch (err) {
    if (err instanceof ServiceCallError && (err.status === 404 || err.status === 409)) return
    throw err
  }
}
