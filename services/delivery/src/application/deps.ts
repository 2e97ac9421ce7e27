import type { ServiceCaller } from '@apotheca/contracts'
import type { Database, Logger, Publish, ServiceContext } from '@apotheca/kernel'
import type { Geocoder } from '../geocoding/geocoder.ts'
import { zipCentroidGeocoder } from '../geocoding/zip-centroid.geocoder.ts'

/** What the routes, consumers and start of delivery work with; built once by depsFrom. */
export interface DeliveryDeps {
  db: Database
  publish: Publish
  services: ServiceCaller
  /** Places patients' addresses (ZIP centroids here; a maps provider's adapter in its place). */
  geocoder: Geocoder
  log: Logger
}

/** Builds the dependencies from the runtime's context: its database, outbox and callers, and the geocoder. */
export function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'services' | 'log'>): DeliveryDeps {
  return { db: ctx.db, publish: ctx.publish, services: ctx.services, geocoder: zipCentroidGeocoder(ctx.db), log: ctx.log }
}
