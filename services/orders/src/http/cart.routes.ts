import { idempotent, route } from '@apotheca/kernel'
import { addCartItem, getCart, removeCartItem } from '../application/manage-cart.ts'
import { checkout } from '../application/checkout.ts'
import type { OrdersDeps } from '../application/deps.ts'
import { AddCartItemBody, CartAnswer, CheckoutAnswer, CheckoutBody, CheckoutHeaders, DrugParams } from './schemas.ts'

const PATIENT = { roles: ['patient' as const] }

/** What a prescription line may be refused for (cart-rules.ts), as status → slugs. */
const LINE_RULES = {
  404: ['not-found'],
  409: ['prescription-expired', 'prescription-not-verified', 'prescription-not-dispensable'],
  422: [
    'currency-not-supported',
    'prescription-required',
    'quantity-limit-exceeded',
    'prescription-drug-mismatch',
    'quantity-exceeds-prescription',
  ],
} as const

/** The patient's cart and its checkout. */
export function cartRoutes(deps: OrdersDeps) {
  return [
    route({
      method: 'POST',
      url: '/cart/items',
      summary: 'Puts a drug in the cart (one line per drug; a prescription-only drug needs a verified prescription)',
      auth: PATIENT,
      schema: { body: AddCartItemBody },
      responses: { 201: { schema: CartAnswer, description: 'The line is set (a drug already there takes the new quantity)' } },
      problems: { ...LINE_RULES, 422: [...LINE_RULES[422], 'unknown-drug'] },
      handler: async ({ body, principal }, reply) => {
        const cart = await addCartItem(deps, principal!.sub, body)
        reply.status(201)
        return cart
      },
    }),
    route({
      method: 'GET',
      url: '/cart',
      summary: "The patient's cart with its totals",
      auth: PATIENT,
      responses: { 200: CartAnswer },
      handler: async ({ principal }) => getCart(deps, principal!.sub),
    }),
    route({
      method: 'DELETE',
      url: '/cart/items/:drugId',
      summary: 'Takes a drug out of the cart',
      auth: PATIENT,
      schema: { params: DrugParams },
      responses: { 200: CartAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params, principal }) => removeCartItem(deps, principal!.sub, params.drugId),
    }),
    route({
      method: 'POST',
      url: '/cart/checkout',
      summary: 'Places the order: reserves the stock and takes the payment (Idempotency-Key required)',
      description:
        'A saga: the order is placed, the stock held, the payment authorised and (when every prescription is verified) captured. ' +
        'Any refusal cancels the order and gives back what was taken. The same Idempotency-Key with the same body answers the ' +
        'first checkout again (Idempotent-Replayed: true); with another body it is a 422.',
      auth: PATIENT,
      schema: { body: CheckoutBody, headers: CheckoutHeaders },
      responses: {
        201: {
          schema: CheckoutAnswer,
          description: 'The order (paid, or awaiting_verification while a prescription is reviewed)',
          headers: { 'idempotent-replayed': { description: '`true` when this answers an earlier checkout with the same key' } },
          links: {
            status: {
              operationId: 'getOrdersByOrderIdStatus',
              parameters: { orderId: '$response.body#/order_id' },
              description: "The order's status, payment, shipment and history",
            },
            cancel: {
              operationId: 'postOrdersByOrderIdCancel',
              parameters: { orderId: '$response.body#/order_id' },
              description: 'Cancels it before it ships',
            },
          },
        },
      },
      problems: {
        402: ['payment-declined', 'payment-authentication-required', 'payment-method-invalid'],
        404: LINE_RULES[404],
        409: [
          ...LINE_RULES[409],
          'cart-empty',
          'checkout-in-progress',
          'prescription-in-use',
          'out-of-stock',
          'reservation-expired',
          'order-cancelled',
          'request-in-progress',
        ],
        422: [...LINE_RULES[422], 'reservation-refused', 'idempotency-key-reused'],
      },
      handler: async ({ body, principal, headers }, reply) => {
        const key = String(headers['idempotency-key'])
        const patientId = principal!.sub
        const answer = await idempotent(deps.db, 'orders', `checkout:${patientId}`, key, body, async () => ({
          status: 201,
          body: await checkout(deps, { patient_id: patientId, key, ...body }),
        }))
        if (answer.replayed) reply.header('idempotent-replayed', 'true')
        reply.status(answer.status)
        return answer.body
      },
    }),
  ]
}
