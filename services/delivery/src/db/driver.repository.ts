import type { Sql } from '@apotheca/kernel'
import { latLngSql, pointSql, toLatLng } from './geo.sql.ts'

/** A driver of our fleet as stored. */
export interface DriverRow {
  driver_id: string
  status: 'available' | 'off_duty'
  location: { lat: number; lng: number } | null
}

/** Registers a driver (available, no location yet); a second registration changes nothing. */
export async function insertDriver(tx: Sql, driverId: string): Promise<void> {
  await tx.query(/* sql */ `INSERT INTO delivery.drivers (driver_id) VALUES ($1) ON CONFLICT (driver_id) DO NOTHING`, [driverId])
}

/**
 * The available driver to give a new shipment: the nearest by PostGIS distance to the destination
 * when both are known, else (or on a tie) the one with the fewest open shipments. Null when nobody is available.
 */
export async function pickDriver(tx: Sql, destination: { lat: number; lng: number } | null): Promise<string | null> {
  const { rows } = await tx.query<{ driver_id: string }>(
    /* sql */ `SELECT d.driver_id FROM delivery.drivers d
     WHERE d.status = 'available'
     ORDER BY CASE WHEN $1::float8 IS NULL THEN NULL ELSE ST_Distance(d.current_location, ${pointSql('$2::float8', '$1::float8')}) END ASC NULLS LAST,
       (SELECT count(*) FROM delivery.shipments s WHERE s.driver_id = d.driver_id AND s.status NOT IN ('delivered', 'returned')) ASC,
       d.created_at, d.driver_id
     LIMIT 1`,
    [destination?.lat ?? null, destination?.lng ?? null],
  )
  return rows[0]?.driver_id ?? null
}

/** Sets a driver's availability (and location when given); null when no such driver. */
export async function setAvailability(
  tx: Sql,
  driverId: string,
  status: DriverRow['status'],
  location: { lat: number; lng: number } | null,
): Promise<DriverRow | null> {
  const { rows } = await tx.query<{ driver_id: string; status: DriverRow['status']; loc_lat: number | null; loc_lng: number | null }>(
    /* sql */ `UPDATE delivery.drivers SET status = $2, updated_at = now(),
       current_location = CASE WHEN $3::float8 IS NULL THEN current_location ELSE ${pointSql('$4::float8', '$3::float8')} END,
       location_updated_at = CASE WHEN $3::float8 IS NULL THEN location_updated_at ELSE now() END
     WHERE driver_id = $1
     RETURNING driver_id, status, ${latLngSql('current_location', 'loc')}`,
    [driverId, status, location?.lat ?? null, location?.lng ?? null],
  )
  const r = rows[0]
  return r ? { driver_id: r.driver_id, status: r.status, location: toLatLng(r.loc_lat, r.loc_lng) } : null
}

/** Records where a driver last reported from (their status reports carry it). */
export async function updateDriverLocation(tx: Sql, driverId: string, location: { lat: number; lng: number }, at: Date): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE delivery.drivers SET current_location = ${pointSql('$3::float8', '$2::float8')}, location_updated_at = $4, updated_at = now()
     WHERE driver_id = $1 AND (location_updated_at IS NULL OR location_updated_at <= $4)`,
    [driverId, location.lat, location.lng, at.toISOString()],
  )
}
