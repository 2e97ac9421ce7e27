import type { Job, ServiceModule } from '@apotheca/kernel'
import { depsFrom } from './application/deps.ts'
import { settleOrdersJob } from './application/settle-orders.ts'
import { deliverLocalPaymentWebhooks } from './payments/local-payment.gateway.ts'
import { receivePaymentWebhook } from './application/receive-payment-webhook.ts'
import { paymentWebhookRoutes } from './http/payment-webhook.routes.ts'
import { cartRoutes } from './http/cart.routes.ts'
import { orderRoutes } from './http/orders.routes.ts'
import { shipmentCreated } from './events/handlers/shipment-created.handler.ts'
import { shipmentStatusChanged } from './events/handlers/shipment-status-changed.handler.ts'
import { reservationCreated } from './events/handlers/reservation-created.handler.ts'
import { reservationCommitted, reservationReleased } from './events/handlers/reservation-settled.handler.ts'
import { reservationCommitFailed } from './events/handlers/reservation-commit-failed.handler.ts'
import { patientErased } from './events/handlers/patient-erased.handler.ts'
import { prescriptionStatusChanged } from './events/handlers/prescription-status-changed.handler.ts'

/** orders: carts, checkout (a saga over inventory and the payment provider), payments and the order lifecycle. */
export default {
  name: 'orders',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const deps = depsFrom(ctx)
    const secret = ctx.config.APOTHECA_PAYMENTS_WEBHOOK_SECRET
    // The local gateway's webhooks go through the same verification as the route's (one process holds both).
    const deliverLocal: Job = {
      name: 'orders.local-payment-webhooks',
      everyMs: 1000,
      run: async () => {
        await deliverLocalPaymentWebhooks(ctx.db, secret, async (payload, signature) => {
          await receivePaymentWebhook(deps, payload, { 'stripe-signature': signature })
        })
      },
    }
    return {
      routes: [...cartRoutes(deps), ...orderRoutes(deps), ...paymentWebhookRoutes(deps)],
      consumers: [
        shipmentCreated(deps),
        shipmentStatusChanged(deps),
        reservationCreated(deps),
        reservationReleased,
        reservationCommitted,
        reservationCommitFailed(deps),
        patientErased,
        prescriptionStatusChanged(deps),
      ],
      jobs: [settleOrdersJob(deps), ...(deps.gateway.provider === 'local' ? [deliverLocal] : [])],
    }
  },
} satisfies ServiceModule
