import { route } from '@apotheca/kernel'
import type { InventoryDeps } from '../application/deps.ts'
import { setReorderPointFor } from '../application/stock-alerts.ts'
import { DrugParams, ReorderPointAnswer, ReorderPointBody } from './schemas.ts'

/** Reorder points: below them, the alert job announces `inventory.stock.low.v1`. */
export function alertRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'PUT',
      url: '/inventory/:drugId/reorder-point',
      summary:
        "Sets a drug's reorder point at a location (default location when none is named); the alert job announces each dip to or below it",
      auth: { roles: ['admin', 'technician', 'pharmacist'] },
      schema: { params: DrugParams, body: ReorderPointBody },
      responses: { 200: ReorderPointAnswer },
      problems: { 404: ['not-found'], 422: ['unknown-location'] },
      handler: async ({ params, body }) => setReorderPointFor(deps, params.drugId, body),
    }),
  ]
}
