import { route } from '@apotheca/kernel'
import type { DeliveryDeps } from '../application/deps.ts'
import { listDriverShipments } from '../application/list-driver-shipments.ts'
import { setDriverAvailability } from '../application/set-driver-availability.ts'
import { AvailabilityBody } from './delivery.schemas.ts'
import { DriverAnswer, DriverShipmentsAnswer } from './responses.ts'

/** The driver's own routes: their open shipments and their availability. */
export function driverRoutes(deps: Pick<DeliveryDeps, 'db'>) {
  return [
    route({
      method: 'GET',
      url: '/drivers/me/shipments',
      summary: "The signed-in driver's open shipments",
      auth: { roles: ['driver'] },
      responses: { 200: DriverShipmentsAnswer },
      handler: async ({ principal }) => listDriverShipments(deps.db, principal!.sub),
    }),
    route({
      method: 'PUT',
      url: '/drivers/me/availability',
      summary: 'The signed-in driver goes on or off duty, optionally with their location',
      description: 'A driver account delivery has not registered yet (its identity event not received) is a 404.',
      auth: { roles: ['driver'] },
      schema: { body: AvailabilityBody },
      responses: { 200: DriverAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ principal, body }) => setDriverAvailability(deps.db, principal!.sub, body),
    }),
  ]
}
