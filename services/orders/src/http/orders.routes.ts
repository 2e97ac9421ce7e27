import { route } from '@apotheca/kernel'
import { getOrderStatus } from '../application/get-order-status.ts'
import { requestCancellation } from '../application/cancel-order.ts'
import { fulfilOrder } from '../application/fulfil-order.ts'
import type { OrdersDeps } from '../application/deps.ts'
import { CancelBody, FulfilBody, OrderParams } from './schemas.ts'

const PATIENT_OR_STAFF = { roles: ['patient' as const, 'pharmacist' as const, 'technician' as const, 'admin' as const] }
// Dispensing needs a second factor (DESIGN: pharmacists and dispensing actions).
const DISPENSERS = { roles: ['pharmacist' as const, 'technician' as const], mfa: true }

/** An order's status, its cancellation and its fulfilment. */
export function orderRoutes(deps: OrdersDeps) {
  return [
    route({
      method: 'GET', url: '/orders/:orderId/status', summary: "An order's status, payment, shipment and history (its patient, or pharmacy staff)", auth: PATIENT_OR_STAFF,
      schema: { params: OrderParams },
      handler: async ({ params, principal }) => getOrderStatus(deps, principal!, params.orderId),
    }),
    route({
      method: 'POST', url: '/orders/:orderId/cancel', summary: 'Cancels an order before it ships: the stock is released and the payment voided or refunded', auth: PATIENT_OR_STAFF,
      schema: { params: OrderParams, body: CancelBody },
      handler: async ({ params, body, principal }) => requestCancellation(deps, principal!, params.orderId, body.reason),
    }),
    route({
      method: 'POST', url: '/orders/:orderId/fulfil', summary: 'Starts dispensing a paid order: inventory picks it first-expiry-first, delivery ships it', auth: DISPENSERS,
      schema: { params: OrderParams, body: FulfilBody },
      handler: async ({ params, principal }, reply) => {
        const r = await fulfilOrder(deps, principal!, params.orderId)
        reply.status(202)
        return r
      },
    }),
  ]
}
