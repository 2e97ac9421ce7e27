import { z } from 'zod'
import { route } from '@apotheca/kernel'
import type { InventoryDeps } from '../application/deps.ts'
import { setReorderPointFor } from '../application/stock-alerts.ts'

const ReorderPointBody = z.object({ reorder_point: z.number().int().min(0).max(1_000_000), location_id: z.uuid().optional() })

/** Reorder points: below them, the alert job announces `inventory.stock.low.v1`. */
export function alertRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'PUT',
      url: '/inventory/:drugId/reorder-point',
      summary:
        "Sets a drug's reorder point at a location (default location when none is named); the alert job announces each dip to or below it",
      auth: { roles: ['admin', 'technician', 'pharmacist'] },
      schema: { params: z.object({ drugId: z.uuid() }), body: ReorderPointBody },
      handler: async ({ params, body }) => setReorderPointFor(deps, params.drugId, body),
    }),
  ]
}
