import type { ServiceModule } from '@apotheca/kernel'
import { deliveryRoutes } from './http/deliveries.routes.ts'
import { driverRoutes } from './http/drivers.routes.ts'
import { accountCreatedHandler } from './events/handlers/account-created.handler.ts'
import { reservationCommittedHandler } from './events/handlers/reservation-committed.handler.ts'
import { loadZipCentroids } from './application/load-zip-centroids.ts'
import { depsFrom } from './application/deps.ts'

/** delivery: shipments of packed orders, our drivers, status reports (drivers and carriers) and tracking. */
export default {
  name: 'delivery',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const deps = depsFrom(ctx)
    return {
      routes: [...deliveryRoutes(deps), ...driverRoutes(deps)],
      consumers: [accountCreatedHandler, reservationCommittedHandler(deps)],
      start: async () => {
        await loadZipCentroids(deps.db, deps.log)
      },
    }
  },
} satisfies ServiceModule
