import type { Consumer } from '@apotheca/kernel'
import { lockOrder, updateOrder } from '../../db/order.repository.ts'
import type { OrdersDeps } from '../../application/deps.ts'

/** delivery.shipment.created.v1: the order learns its shipment, carrier and tracking number (still fulfilling). */
export const shipmentCreated = (deps: OrdersDeps): Consumer => ({
  name: 'orders.shipment-created',
  types: ['delivery.shipment.created.v1'],
  async handle(env, { transaction }) {
    const p = env.payload as { shipment_id: string; order_id: string; carrier: string; tracking_number: string }
    await transaction(async (tx) => {
      const o = await lockOrder(tx, p.order_id)
      if (!o) return deps.log.warn({ order_id: p.order_id, shipment_id: p.shipment_id }, 'shipment for an unknown order ignored')
      if (o.order_status === 'cancelled') deps.log.warn({ order_id: o.order_id, shipment_id: p.shipment_id }, 'shipment created for a cancelled order')
      await updateOrder(tx, o.order_id, { shipment_id: p.shipment_id, carrier: p.carrier, tracking_number: p.tracking_number })
    })
  },
})
