import type { ServiceModule } from '@apotheca/kernel'
import { depsFrom } from './application/deps.ts'
import { expireHolds } from './application/expire-holds.ts'
import { demoStockSeeder } from './application/seed-demo-stock.ts'
import { fulfilmentRequestedHandler } from './events/handlers/fulfilment-requested.handler.ts'
import { orderStatusChangedHandler } from './events/handlers/order-status-changed.handler.ts'
import { reservationRoutes } from './http/reservations.routes.ts'
import { stockRoutes } from './http/stock.routes.ts'

const EXPIRE_HOLDS_EVERY_MS = 30_000

/** inventory: locations, batches (lot, expiry), the stock ledger, and reservations that never oversell. */
export default {
  name: 'inventory',
  migrations: new URL('./db/migrations/', import.meta.url),
  create(ctx) {
    const deps = depsFrom(ctx)
    const seeder = demoStockSeeder(deps)
    return {
      routes: [...stockRoutes(deps), ...reservationRoutes(deps)],
      consumers: [fulfilmentRequestedHandler(deps), orderStatusChangedHandler(deps)],
      jobs: [
        { name: 'inventory.expire-holds', everyMs: EXPIRE_HOLDS_EVERY_MS, run: async () => { await expireHolds(deps) } },
        seeder.job,
      ],
      seedDemo: seeder.seed,
    }
  },
} satisfies ServiceModule
