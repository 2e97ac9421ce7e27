import { notFound, type Sql } from '@apotheca/kernel'
import type { Role } from '@apotheca/contracts'
import { canView } from '../domain/shipment-access.ts'
import { findShipment } from '../db/shipment.repository.ts'
import { listShipmentEvents } from '../db/shipment-event.repository.ts'
import { trackingView } from './shipment-view.ts'

/** A shipment and its tracking, for its patient, its driver or staff; 404 for anyone else. */
export async function getShipment(db: Sql, shipmentId: string, who: { role: Role; sub: string }) {
  const s = await findShipment(db, shipmentId)
  if (!s || !canView(who, s)) throw notFound('Shipment')
  return trackingView(s, await listShipmentEvents(db, shipmentId))
}
