import { ReserveRequest } from '@apotheca/contracts'
import { route } from '@apotheca/kernel'
import type { InventoryDeps } from '../application/deps.ts'
import { releaseReservation } from '../application/release-reservation.ts'
import { reserveStock } from '../application/reserve-stock.ts'
import { ReleaseBody, ReservationAnswer, ReservationParams } from './schemas.ts'

/** Service-to-service reservation routes: checkout's hold and its compensation. */
export function reservationRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'POST',
      url: '/internal/reservations',
      summary:
        'Holds stock for every item of an order first-expiry-first, or nothing (409 out-of-stock); the same order again answers its reservation',
      auth: { internal: true },
      schema: { body: ReserveRequest },
      responses: {
        201: { schema: ReservationAnswer, description: 'The stock is held' },
        200: { schema: ReservationAnswer, description: 'The order was reserved before: its reservation' },
      },
      problems: { 409: ['out-of-stock', 'reservation-mismatch'] },
      handler: async ({ body }, reply) => {
        const r = await reserveStock(deps, body)
        return reply.status(r.created ? 201 : 200).send(r.reservation)
      },
    }),
    route({
      method: 'POST',
      url: '/internal/reservations/:reservationId/release',
      summary: 'Gives a held reservation back to stock; releasing twice is harmless, a dispensed one is a 409',
      auth: { internal: true },
      schema: { params: ReservationParams, body: ReleaseBody },
      responses: { 200: ReservationAnswer },
      problems: { 404: ['not-found'], 409: ['reservation-committed'] },
      handler: async ({ params, body }) => releaseReservation(deps, params.reservationId, body.reason),
    }),
  ]
}
