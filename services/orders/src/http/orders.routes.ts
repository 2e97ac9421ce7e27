import { route } from '@apotheca/kernel'
import { getOrderStatus } from '../application/get-order-status.ts'
import { requestCancellation } from '../application/cancel-order.ts'
import { fulfilOrder } from '../application/fulfil-order.ts'
import type { OrdersDeps } from '../application/deps.ts'
import { refundOrder } from '../application/refund-order.ts'
import { CancelBody, FulfilBody, OrderParams, RefundBody } from './schemas.ts'

const PATIENT_OR_STAFF = { roles: ['patient' as const, 'pharmacist' as const, 'technician' as const, 'admin' as const] }
// Dispensing needs a second factor (DESIGN: pharmacists and dispensing actions).
const DISPENSERS = { roles: ['pharmacist' as const, 'technician' as const], mfa: true }
// Money going back is a pharmacist's or an admin's decision, with a second factor.
const REFUNDERS = { roles: ['pharmacist' as const, 'admin' as const], mfa: true }

/** An order's status, its cancellation and its fulfilment. */
export function orderRoutes(deps: OrdersDeps) {
  return [
    route({
      method: 'GET',
      url: '/orders/signing-key',
      summary: 'The public key (JWK, Ed25519) that order confirmations are signed with',
      auth: { public: true, why: 'a public key, for anyone to check a confirmation' },
      handler: async () => ({ keys: [deps.signer.publicJwk] }),
    }),
    route({
      method: 'GET',
      url: '/orders/:orderId/status',
      summary: "An order's status, payment, shipment and history (its patient, or pharmacy staff)",
      auth: PATIENT_OR_STAFF,
      schema: { params: OrderParams },
      handler: async ({ params, principal }) => getOrderStatus(deps, principal!, params.orderId),
    }),
    route({
      method: 'POST',
      url: '/orders/:orderId/cancel',
      summary: 'Cancels an order before it ships: the stock is released and the payment voided or refunded',
      auth: PATIENT_OR_STAFF,
      schema: { params: OrderParams, body: CancelBody },
      handler: async ({ params, body, principal }) => requestCancellation(deps, principal!, params.orderId, body.reason),
    }),
    route({
      method: 'POST',
      url: '/orders/:orderId/refund',
      summary: 'Refunds a captured order (paid, or delivered and returned): the money goes back, an unpicked hold is released',
      auth: REFUNDERS,
      schema: { params: OrderParams, body: RefundBody },
      handler: async ({ params, body, principal }) => refundOrder(deps, principal!, params.orderId, body.reason),
    }),
    route({
      method: 'POST',
      url: '/orders/:orderId/fulfil',
      summary: 'Starts dispensing a paid order: inventory picks it first-expiry-first, delivery ships it',
      auth: DISPENSERS,
      schema: { params: OrderParams, body: FulfilBody },
      handler: async ({ params, principal }, reply) => {
        const r = await fulfilOrder(deps, principal!, params.orderId)
        reply.status(202)
        return r
      },
    }),
  ]
}
