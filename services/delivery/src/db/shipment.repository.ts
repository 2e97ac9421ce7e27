import type { ShipmentStatus } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'
import { latLngSql, pointSql, toLatLng } from './geo.sql.ts'

type Point = { lat: number; lng: number }

/** A shipment as stored (the destination is a ZIP centroid, never a street address). */
export interface ShipmentRow {
  shipment_id: string
  order_id: string
  patient_id: string
  carrier: string
  tracking_number: string
  driver_id: string | null
  status: ShipmentStatus
  status_occurred_at: Date
  destination: Point | null
  postal_code: string | null
  estimated_delivery_at: string | null
  created_at: string
  updated_at: string
  version: number
}

/** A new shipment's columns. */
export type NewShipment = Omit<ShipmentRow, 'created_at' | 'updated_at' | 'version' | 'status_occurred_at'> & { status_occurred_at: Date }

const COLUMNS = /* sql */ `shipment_id, order_id, patient_id, carrier, tracking_number, driver_id, status, status_occurred_at,
  ${latLngSql('destination', 'dest')}, postal_code, estimated_delivery_at, created_at, updated_at, version`

/** A row as COLUMNS selects it: times as the driver returns them (Date from PGlite and pg, text if cast), the point split in two. */
interface RawShipment {
  shipment_id: string
  order_id: string
  patient_id: string
  carrier: string
  tracking_number: string
  driver_id: string | null
  status: ShipmentStatus
  status_occurred_at: Date | string
  dest_lat: number | null
  dest_lng: number | null
  postal_code: string | null
  estimated_delivery_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  version: number | string
}

const iso = (v: Date | string) => new Date(v).toISOString()

function toShipment(r: RawShipment): ShipmentRow {
  return {
    shipment_id: r.shipment_id,
    order_id: r.order_id,
    patient_id: r.patient_id,
    carrier: r.carrier,
    tracking_number: r.tracking_number,
    driver_id: r.driver_id,
    status: r.status,
    status_occurred_at: new Date(r.status_occurred_at),
    destination: toLatLng(r.dest_lat, r.dest_lng),
    postal_code: r.postal_code,
    estimated_delivery_at: r.estimated_delivery_at === null ? null : iso(r.estimated_delivery_at),
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
    version: Number(r.version),
  }
}

/** Inserts a shipment; false when its order already has one or the tracking number is taken. */
export async function insertShipment(tx: Sql, s: NewShipment): Promise<boolean> {
  const { rows } = await tx.query<{ shipment_id: string }>(
    /* sql */ `INSERT INTO delivery.shipments (shipment_id, order_id, patient_id, carrier, tracking_number, driver_id, status, status_occurred_at,
       destination, postal_code, estimated_delivery_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9::float8 IS NULL THEN NULL ELSE ${pointSql('$10::float8', '$9::float8')} END, $11, $12)
     ON CONFLICT DO NOTHING RETURNING shipment_id`,
    [
      s.shipment_id,
      s.order_id,
      s.patient_id,
      s.carrier,
      s.tracking_number,
      s.driver_id,
      s.status,
      s.status_occurred_at.toISOString(),
      s.destination?.lat ?? null,
      s.destination?.lng ?? null,
      s.postal_code,
      s.estimated_delivery_at,
    ],
  )
  return rows.length === 1
}

/** The shipment of an order, if any. */
export async function findShipmentByOrder(db: Sql, orderId: string): Promise<ShipmentRow | null> {
  const { rows } = await db.query<RawShipment>(/* sql */ `SELECT ${COLUMNS} FROM delivery.shipments WHERE order_id = $1`, [orderId])
  return rows[0] ? toShipment(rows[0]) : null
}

/** A shipment by id; with `lock`, locked for the rest of the transaction (status updates). */
export async function findShipment(db: Sql, shipmentId: string, lock = false): Promise<ShipmentRow | null> {
  const { rows } = await db.query<RawShipment>(
    /* sql */ `SELECT ${COLUMNS} FROM delivery.shipments WHERE shipment_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [shipmentId],
  )
  return rows[0] ? toShipment(rows[0]) : null
}

/** Moves a shipment to a new status that happened at `occurredAt`. */
export async function updateShipmentStatus(tx: Sql, shipmentId: string, status: ShipmentStatus, occurredAt: Date): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE delivery.shipments SET status = $2, status_occurred_at = $3, updated_at = now(), version = version + 1 WHERE shipment_id = $1`,
    [shipmentId, status, occurredAt.toISOString()],
  )
}

/** A driver's open shipments (not delivered nor returned), oldest first. */
export async function listOpenShipmentsOfDriver(db: Sql, driverId: string): Promise<ShipmentRow[]> {
  const { rows } = await db.query<RawShipment>(
    /* sql */ `SELECT ${COLUMNS} FROM delivery.shipments WHERE driver_id = $1 AND status NOT IN ('delivered', 'returned') ORDER BY created_at, shipment_id`,
    [driverId],
  )
  return rows.map(toShipment)
}
