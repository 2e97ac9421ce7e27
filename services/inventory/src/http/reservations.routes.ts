import { z } from 'zod'
import { ReserveRequest } from '@apotheca/contracts'
import { route } from '@apotheca/kernel'
import type { InventoryDeps } from '../application/deps.ts'
import { releaseReservation } from '../application/release-reservation.ts'
import { reserveStock } from '../application/reserve-stock.ts'

const ReleaseBody = z.object({ reason: z.string().trim().min(1).max(100) })

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
      schema: { params: z.object({ reservationId: z.uuid() }), body: ReleaseBody },
      handler: async ({ params, body }) => releaseReservation(deps, params.reservationId, body.reason),
    }),
  ]
}
