import type { ShipmentStatus } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import { pathForShipment } from '../../domain/order-status.ts'
import { lockOrder, updateOrder } from '../../db/order.repository.ts'
import { applyTransition } from '../../application/order-transition.ts'
import { estimate } from './shipment-created.handler.ts'
import type { OrdersDeps } from '../../application/deps.ts'

/**
 * delivery.shipment.status_changed.v1: in transit or out for delivery → shipped, delivered →
 * delivered (through shipped when that update was missed or comes later); stale updates move nothing.
 */
export const shipmentStatusChanged = (deps: OrdersDeps): Consumer => ({
  name: 'orders.shipment-status-changed',
  types: ['delivery.shipment.status_changed.v1'],
  async handle(env, { transaction }) {
    const p = env.payload as { shipment_id: string; order_id: string; status: ShipmentStatus; estimated_delivery_at?: string | null }
    await transaction(async (tx) => {
      let o = await lockOrder(tx, p.order_id)
      if (!o) return deps.log.warn({ order_id: p.order_id, shipment_id: p.shipment_id }, 'shipment update for an unknown order ignored')
      const eta = estimate(p.estimated_delivery_at)
      if (!o.shipment_id || eta.estimated_delivery_at) {
        await updateOrder(tx, o.order_id, { shipment_id: p.shipment_id, ...eta })
        o = { ...o, shipment_id: p.shipment_id, ...eta }
      }
      for (const to of pathForShipment(o.order_status, p.status)) {
        o = await applyTransition(deps, tx, o, { to, reason: `shipment_${p.status}`, actor_id: null })
      }
    })
  },
})
