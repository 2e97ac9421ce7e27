import { route, type Database } from '@apotheca/kernel'
import { listDriverShipments } from '../application/list-driver-shipments.ts'
import { setDriverAvailability } from '../application/set-driver-availability.ts'
import { AvailabilityBody } from './delivery.schemas.ts'

/** The driver's own routes: their open shipments and their availability. */
export function driverRoutes(deps: { db: Database }) {
  return [
    route({
      method: 'GET',
      url: '/drivers/me/shipments',
      summary: "The signed-in driver's open shipments",
      auth: { roles: ['driver'] },
      handler: async ({ principal }) => listDriverShipments(deps.db, principal!.sub),
    }),
    route({
      method: 'PUT',
      url: '/drivers/me/availability',
      summary: 'The signed-in driver goes on or off duty, optionally with their location',
      auth: { roles: ['driver'] },
      schema: { body: AvailabilityBody },
      handler: async ({ principal, body }) => setDriverAvailability(deps.db, principal!.sub, body),
    }),
  ]
}
