import { eventSchemas } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import type { DeliveryDeps } from '../../application/deps.ts'
import { createShipment } from '../../application/create-shipment.ts'
import { locatePatient } from '../../application/locate-patient.ts'
import { findShipmentByOrder } from '../../db/shipment.repository.ts'

/**
 * inventory.reservation.committed.v1: the order is picked and packed → its shipment. The patient's
 * address is fetched and geocoded first, outside the transaction; identity failing throws, so the
 * event is retried (and parked after the kernel's attempts), while "no address" ships without a destination.
 */
export function reservationCommittedHandler(deps: DeliveryDeps): Consumer {
  return {
    name: 'delivery.create-shipment',
    types: ['inventory.reservation.committed.v1'],
    async handle(env, { transaction }) {
      const { order_id, patient_id } = eventSchemas['inventory.reservation.committed.v1'].parse(env.payload)
      if (await findShipmentByOrder(deps.db, order_id)) return
      const destination = await locatePatient(deps.services, deps.geocoder, patient_id)
      const r = await transaction((tx) => createShipment(tx, deps.publish, { order_id, patient_id, destination }))
      if (r?.created) deps.log.info({ shipment_id: r.shipment_id, order_id, located: destination !== null }, 'shipment created')
    },
  }
}
