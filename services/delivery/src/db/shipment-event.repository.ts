import type { ShipmentStatus } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'
import { latLngSql, pointSql, toLatLng } from './geo.sql.ts'

/** Who reported a status: our system (creation), a driver, a carrier, or staff acting for them. */
export type EventSource = 'system' | 'driver' | 'carrier' | 'staff'

/** One status report of a shipment, applied or kept for the record. */
export interface ShipmentEventRow {
  status: ShipmentStatus
  location: { lat: number; lng: number } | null
  occurred_at: string
  recorded_at: string
  proof: Record<string, unknown> | null
  source: EventSource
  applied: boolean
}

/** Appends a status report to a shipment's tracking history. */
export async function insertShipmentEvent(
  tx: Sql,
  e: Omit<ShipmentEventRow, 'recorded_at' | 'occurred_at'> & { shipment_id: string; occurred_at: Date; actor_id: string | null },
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO delivery.shipment_events (shipment_id, status, location, occurred_at, proof, source, actor_id, applied)
     VALUES ($1, $2, CASE WHEN $3::float8 IS NULL THEN NULL ELSE ${pointSql('$4::float8', '$3::float8')} END, $5, $6, $7, $8, $9)`,
    [
      e.shipment_id,
      e.status,
      e.location?.lat ?? null,
      e.location?.lng ?? null,
      e.occurred_at.toISOString(),
      e.proof ? JSON.stringify(e.proof) : null,
      e.source,
      e.actor_id,
      e.applied,
    ],
  )
}

/** A tracking row as selected: the point split in two, times as the driver returns them, proof as stored (jsonb). */
interface RawShipmentEvent {
  status: ShipmentStatus
  loc_lat: number | null
  loc_lng: number | null
  occurred_at: Date | string
  recorded_at: Date | string
  proof: Record<string, unknown> | null
  source: EventSource
  applied: boolean
}

/** A shipment's tracking history in the order things happened. */
export async function listShipmentEvents(db: Sql, shipmentId: string): Promise<ShipmentEventRow[]> {
  const { rows } = await db.query<RawShipmentEvent>(
    /* sql */ `SELECT status, ${latLngSql('location', 'loc')}, occurred_at, recorded_at, proof, source, applied
     FROM delivery.shipment_events WHERE shipment_id = $1 ORDER BY occurred_at, seq`,
    [shipmentId],
  )
  return rows.map((r) => ({
    status: r.status,
    location: toLatLng(r.loc_lat, r.loc_lng),
    occurred_at: new Date(r.occurred_at).toISOString(),
    recorded_at: new Date(r.recorded_at).toISOString(),
    proof: r.proof ?? null,
    source: r.source,
    applied: r.applied,
  }))
}
