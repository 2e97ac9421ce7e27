import { route } from '@apotheca/kernel'
import { getOrderStatus } from '../application/get-order-status.ts'
import { requestCancellation } from '../application/cancel-order.ts'
import { fulfilOrder } from '../application/fulfil-order.ts'
import type { OrdersDeps } from '../application/deps.ts'
import { refundOrder } from '../application/refund-order.ts'
import {
  CancelBody,
  FulfilAnswer,
  FulfilBody,
  OrderOutcome,
  OrderParams,
  OrderStatusAnswer,
  RefundBody,
  SigningKeyAnswer,
} from './schemas.ts'

/** The delivery service's shipment read (services/delivery), where a fulfilled order's shipment is tracked. */
const SHIPMENT_READ = 'getDeliveriesByShipmentId'
const STATUS_LINK = {
  operationId: 'getOrdersByOrderIdStatus',
  parameters: { orderId: '$response.body#/order_id' },
  description: "The order's status: its shipment_id once delivery created the shipment",
}

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
      responses: { 200: SigningKeyAnswer },
      handler: async () => ({ keys: [deps.signer.publicJwk] }),
    }),
    route({
      method: 'GET',
      url: '/orders/:orderId/status',
      summary: "An order's status, payment, shipment and history (its patient, or pharmacy staff)",
      auth: PATIENT_OR_STAFF,
      schema: { params: OrderParams },
      responses: {
        200: {
          schema: OrderStatusAnswer,
          links: {
            shipment: {
              operationId: SHIPMENT_READ,
              parameters: { shipmentId: '$response.body#/shipment_id' },
              description: 'The shipment and its tracking history (once shipment_id is set)',
            },
          },
        },
      },
      problems: { 404: ['not-found'] },
      handler: async ({ params, principal }) => getOrderStatus(deps, principal!, params.orderId),
    }),
    route({
      method: 'POST',
      url: '/orders/:orderId/cancel',
      summary: 'Cancels an order before it ships: the stock is released and the payment voided or refunded',
      auth: PATIENT_OR_STAFF,
      schema: { params: OrderParams, body: CancelBody },
      responses: { 200: { schema: OrderOutcome, links: { status: STATUS_LINK } } },
      problems: { 404: ['not-found'], 409: ['illegal-transition'] },
      handler: async ({ params, body, principal }) => requestCancellation(deps, principal!, params.orderId, body.reason),
    }),
    route({
      method: 'POST',
      url: '/orders/:orderId/refund',
      summary: 'Refunds a captured order (paid, or delivered and returned): the money goes back, an unpicked hold is released',
      auth: REFUNDERS,
      schema: { params: OrderParams, body: RefundBody },
      responses: { 200: { schema: OrderOutcome, links: { status: STATUS_LINK } } },
      problems: { 404: ['not-found'], 409: ['illegal-transition'] },
      handler: async ({ params, body, principal }) => refundOrder(deps, principal!, params.orderId, body.reason),
    }),
    route({
      method: 'POST',
      url: '/orders/:orderId/fulfil',
      summary: 'Starts dispensing a paid order: inventory picks it first-expiry-first, delivery ships it',
      auth: DISPENSERS,
      schema: { params: OrderParams, body: FulfilBody },
      responses: {
        202: {
          schema: FulfilAnswer,
          description: 'Fulfilment started: inventory picks the stock, then delivery creates the shipment',
          links: { status: STATUS_LINK },
        },
      },
      problems: {
        403: ['step-up-required'],
        404: ['not-found'],
        409: ['illegal-transition', 'prescription-not-dispensable', 'out-of-stock'],
      },
      handler: async ({ params, principal }, reply) => {
        const r = await fulfilOrder(deps, principal!, params.orderId)
        reply.status(202)
        return r
      },
    }),
  ]
}
