/** SQL for a WGS 84 geography point from $lng/$lat parameters (PostGIS takes x = longitude first). */
export const pointSql = (lngParam: string, latParam: string) => `ST_SetSRID(ST_MakePoint(${lngParam}, ${latParam}), 4326)::geography`

/** SQL selecting a geography column as lat and lng columns (null when the column is null). */
export const latLngSql = (column: string, prefix: string) =>
  `ST_Y(${column}::geometry) AS ${prefix}_lat, ST_X(${column}::geometry) AS ${prefix}_lng`

/** A point read back from `latLngSql` columns. */
export function toLatLng(lat: unknown, lng: unknown): { lat: number; lng: number } | null {
  return lat === null || lat === undefined || lng === null || lng === undefined ? null : { lat: Number(lat), lng: Number(lng) }
}
