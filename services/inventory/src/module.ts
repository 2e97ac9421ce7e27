import type { ServiceModule } from '@apotheca/kernel'
import { depsFrom } from './application/deps.ts'
import { refreshAvailabilityModel } from './application/availability.ts'
import { expireHolds } from './application/expire-holds.ts'
import { runStockAlerts } from './application/stock-alerts.ts'
import { demoStockSeeder } from './application/seed-demo-stock.ts'
import { fulfilmentRequestedHandler } from './events/handlers/fulfilment-requested.handler.ts'
import { orderStatusChangedHandler } from './events/handlers/order-status-changed.handler.ts'
import { alertRoutes } from './http/alerts.routes.ts'
import { availabilityRoutes } from './http/availability.routes.ts'
import { controlledRoutes } from './http/controlled.routes.ts'
import { reservationRoutes } from './http/reservations.routes.ts'
import { stockRoutes } from './http/stock.routes.ts'

const EXPIRE_HOLDS_EVERY_MS = 30_000
const REFRESH_AVAILABILITY_EVERY_MS = 5_000
const STOCK_ALERTS_EVERY_MS = 60_000

/** inventory: locations, batches (lot, expiry), the stock ledger, and reservations that never oversell. */
export default {
  name: 'inventory',
  migrations: new URL('./db/migrations/', import.meta.url),
  create(ctx) {
    const deps = depsFrom(ctx)
    const seeder = demoStockSeeder(deps)
    return {
      routes: [
        ...availabilityRoutes(deps),
        ...stockRoutes(deps),
        ...reservationRoutes(deps),
        ...controlledRoutes(deps),
        ...alertRoutes(deps),
      ],
      consumers: [fulfilmentRequestedHandler(deps), orderStatusChangedHandler(deps)],
      jobs: [
        {
          name: 'inventory.expire-holds',
          everyMs: EXPIRE_HOLDS_EVERY_MS,
          run: async () => {
            await expireHolds(deps)
          },
        },
        {
          name: 'inventory.refresh-availability',
          everyMs: REFRESH_AVAILABILITY_EVERY_MS,
          run: async () => {
            await refreshAvailabilityModel(deps)
          },
        },
        {
          name: 'inventory.stock-alerts',
          everyMs: STOCK_ALERTS_EVERY_MS,
          run: async () => {
            await runStockAlerts(deps)
          },
        },
        seeder.job,
      ],
      seedDemo: seeder.seed,
    }
  },
} satisfies ServiceModule
