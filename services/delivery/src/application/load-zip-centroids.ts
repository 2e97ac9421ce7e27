import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { Database, Logger } from '@apotheca/kernel'
import { countCentroids, insertCentroids } from '../db/zip-centroid.repository.ts'

/** The ZIP → centroid file shipped with the service (built by scripts/build-zip-centroids.mjs). */
export const ZIP_CENTROIDS_FILE = new URL('../../data/zip-centroids.csv.gz', import.meta.url)

const CHUNK = 5000

/** Parses the shipped `postal_code,lat,lng` CSV (with its header line) into parallel arrays. */
export function parseCentroids(csv: string): { zips: string[]; lats: number[]; lngs: number[] } {
  const out = { zips: [] as string[], lats: [] as number[], lngs: [] as number[] }
  for (const line of csv.split('\n').slice(1)) {
    const [zip, lat, lng] = line.split(',')
    if (!zip || lat === undefined || lng === undefined) continue
    out.zips.push(zip)
    out.lats.push(Number(lat))
    out.lngs.push(Number(lng))
  }
  return out
}

/** Loads the ZIP centroids into delivery.zip_centroids when the table is empty (first start). */
export async function loadZipCentroids(db: Database, log: Logger, file: URL = ZIP_CENTROIDS_FILE): Promise<number> {
  if ((await countCentroids(db)) > 0) return 0
  const started = Date.now()
  const { zips, lats, lngs } = parseCentroids(gunzipSync(readFileSync(file)).toString('utf8'))
  await db.transaction(async (tx) => {
    // Replicas starting together: one loads, the others find the rows and skip them.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('delivery.zip_centroids'))`)
    for (let i = 0; i < zips.length; i += CHUNK) {
      await insertCentroids(tx, zips.slice(i, i + CHUNK), lats.slice(i, i + CHUNK), lngs.slice(i, i + CHUNK))
    }
  })
  log.info({ rows: zips.length, ms: Date.now() - started }, 'zip centroids loaded')
  return zips.length
}
