import { z } from 'zod'
import { route } from '@apotheca/kernel'
import { availability } from '../application/availability.ts'
import type { InventoryDeps } from '../application/deps.ts'

const DrugIds = z.object({
  drug_ids: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.uuid()).min(1).max(100)),
})

/** The availability read model: whether medicines are in stock, for the storefront and other services. */
export function availabilityRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'GET',
      url: '/inventory/availability',
      summary: 'Whether each drug is in stock and how many units could be reserved, eventually consistent (refreshed every few seconds)',
      auth: { public: true, why: 'the storefront shows whether a medicine is in stock; no batch, location or patient data' },
      schema: { querystring: DrugIds },
      handler: async ({ query }) => availability(deps, query.drug_ids),
    }),
  ]
}
