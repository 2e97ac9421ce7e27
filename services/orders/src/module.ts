import { deriveKey, type ServiceModule } from '@apotheca/kernel'
import type { OrdersDeps } from './application/deps.ts'
import { settleOrdersJob } from './application/settle-orders.ts'
import { localPaymentGateway } from './payments/local-payment.gateway.ts'
import { cartRoutes } from './http/cart.routes.ts'
import { orderRoutes } from './http/orders.routes.ts'
import { shipmentCreated } from './events/handlers/shipment-created.handler.ts'
import { shipmentStatusChanged } from './events/handlers/shipment-status-changed.handler.ts'
import { reservationCreated } from './events/handlers/reservation-created.handler.ts'
import { reservationCommitted, reservationReleased } from './events/handlers/reservation-settled.handler.ts'
import { patientErased } from './events/handlers/patient-erased.handler.ts'

/** orders: carts, checkout (a saga over inventory and the payment provider), payments and the order lifecycle. */
export default {
  name: 'orders',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const deps: OrdersDeps = {
      db: ctx.db,
      publish: ctx.publish,
      services: ctx.services,
      log: ctx.log,
      // Only the local gateway exists yet (embedded mode and tests); Stripe's adapter comes with its keys.
      gateway: localPaymentGateway(ctx.db),
      addressKey: deriveKey(ctx.secrets.masterKey, 'orders:shipping-address'),
    }
    return {
      routes: [...cartRoutes(deps), ...orderRoutes(deps)],
      consumers: [shipmentCreated(deps), shipmentStatusChanged(deps), reservationCreated(deps), reservationReleased, reservationCommitted, patientErased],
      jobs: [settleOrdersJob(deps)],
    }
  },
} satisfies ServiceModule
