import type { Sql } from '@apotheca/kernel'
import { listOpenShipmentsOfDriver } from '../db/shipment.repository.ts'
import { shipmentView } from './shipment-view.ts'

/** The shipments a driver still has to deliver, oldest first. */
export async function listDriverShipments(db: Sql, driverId: string) {
  return { shipments: (await listOpenShipmentsOfDriver(db, driverId)).map(shipmentView) }
}
