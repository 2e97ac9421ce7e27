import { Problem, idempotent, route } from '@apotheca/kernel'
import { addCartItem, getCart, removeCartItem } from '../application/manage-cart.ts'
import { checkout } from '../application/checkout.ts'
import type { OrdersDeps } from '../application/deps.ts'
import { AddCartItemBody, CheckoutBody, DrugParams } from './schemas.ts'

const PATIENT = { roles: ['patient' as const] }

/** The patient's cart and its checkout. */
export function cartRoutes(deps: OrdersDeps) {
  return [
    route({
      method: 'POST',
      url: '/cart/items',
      summary: 'Puts a drug in the cart (one line per drug; a prescription-only drug needs a verified prescription)',
      auth: PATIENT,
      schema: { body: AddCartItemBody },
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
      handler: async ({ principal }) => getCart(deps, principal!.sub),
    }),
    route({
      method: 'DELETE',
      url: '/cart/items/:drugId',
      summary: 'Takes a drug out of the cart',
      auth: PATIENT,
      schema: { params: DrugParams },
      handler: async ({ params, principal }) => removeCartItem(deps, principal!.sub, params.drugId),
    }),
    route({
      method: 'POST',
      url: '/cart/checkout',
      summary: 'Places the order: reserves the stock and takes the payment (Idempotency-Key required)',
      auth: PATIENT,
      schema: { body: CheckoutBody },
      handler: async ({ body, principal, headers }, reply) => {
        const key = headers['idempotency-key']
        if (typeof key !== 'string' || key.trim() === '') {
          throw new Problem(
            400,
            'idempotency-key-required',
            'The Idempotency-Key header is required',
            'send a new unique key (a UUID) per checkout, and the same key to retry it',
          )
        }
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
