import type { Sql } from '@apotheca/kernel'
import { pointSql } from './geo.sql.ts'

/** How many ZIP centroids are loaded. */
export async function countCentroids(db: Sql): Promise<number> {
  const { rows } = await db.query<{ n: number }>(/* sql */ `SELECT count(*)::int AS n FROM delivery.zip_centroids`)
  return Number(rows[0]?.n ?? 0)
}

/** Inserts a chunk of centroids from parallel arrays (one statement, both backends); existing ZIPs are kept. */
export async function insertCentroids(tx: Sql, zips: string[], lats: number[], lngs: number[]): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO delivery.zip_centroids (postal_code, location)
     SELECT z, ${pointSql('lng', 'lat')} FROM unnest($1::text[], $2::float8[], $3::float8[]) AS c(z, lat, lng)
     ON CONFLICT (postal_code) DO NOTHING`,
    [zips, lats, lngs],
  )
}

/** The centroid of a 5-digit ZIP, or null when the ZIP is not in our data. */
export async function findCentroid(db: Sql, zip: string): Promise<{ lat: number; lng: number } | null> {
  const { rows } = await db.query<{ lat: number; lng: number }>(
    /* sql */ `SELECT ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM delivery.zip_centroids WHERE postal_code = $1`,
    [zip],
  )
  return rows[0] ? { lat: Number(rows[0].lat), lng: Number(rows[0].lng) } : null
}
