import type { Sql } from '@apotheca/kernel'
import { usZip5 } from '../domain/postal-code.ts'
import { findCentroid } from '../db/zip-centroid.repository.ts'
import type { Geocoder } from './geocoder.ts'

/** Offline geocoding by US ZIP centroid (delivery.zip_centroids); anything else is unknown. */
export function zipCentroidGeocoder(db: Sql): Geocoder {
  return {
    async geocode(address) {
      const zip = usZip5(address.postal_code, address.country)
      if (!zip) return null
      const point = await findCentroid(db, zip)
      return point ? { ...point, precision: 'postal_code', postal_code: zip } : null
    },
  }
}
