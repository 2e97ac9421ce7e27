import type { Consumer } from '@apotheca/kernel'
import { lockOrder, updateOrder } from '../../db/order.repository.ts'
import type { OrdersDeps } from '../../application/deps.ts'

/** delivery.shipment.created.v1: the order learns its shipment, carrier, tracking number and delivery estimate (still fulfilling). */
export const shipmentCreated = (deps: OrdersDeps): Consumer => ({
  name: 'orders.shipment-created',
  types: ['delivery.shipment.created.v1'],
  async handle(env, { transaction }) {
    const p = env.payload as {
      shipment_id: string
      order_id: string
      carrier: string
      tracking_number: string
      estimated_delivery_at?: string | null
    }
    await transaction(async (tx) => {
      const o = await lockOrder(tx, p.order_id)
      if (!o) return deps.log.warn({ order_id: p.order_id, shipment_id: p.shipment_id }, 'shipment for an unknown order ignored')
      if (o.order_status === 'cancelled')
        deps.log.warn({ order_id: o.order_id, shipment_id: p.shipment_id }, 'shipment created for a cancelled order')
      await updateOrder(tx, o.order_id, {
        shipment_id: p.shipment_id,
        carrier: p.carrier,
        tracking_number: p.tracking_number,
        ...estimate(p.estimated_delivery_at),
      })
    })
  },
})

/** The delivery estimate an event carries, when it carries a valid one (older producers send none). */
export function estimate(v: string | null | undefined): { estimated_delivery_at?: string } {
  if (!v || Number.isNaN(Date.parse(v))) return {}
  return { estimated_delivery_at: new Date(v).toISOString() }
}
