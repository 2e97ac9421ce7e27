import { route } from '@apotheca/kernel'
import { availability } from '../application/availability.ts'
import type { InventoryDeps } from '../application/deps.ts'
import { AvailabilityAnswer, AvailabilityQuery } from './schemas.ts'

/** The availability read model: whether medicines are in stock, for the storefront and other services. */
export function availabilityRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'GET',
      url: '/inventory/availability',
      summary: 'Whether each drug is in stock and how many units could be reserved, eventually consistent (refreshed every few seconds)',
      auth: { public: true, why: 'the storefront shows whether a medicine is in stock; no batch, location or patient data' },
      schema: { querystring: AvailabilityQuery },
      responses: { 200: AvailabilityAnswer },
      handler: async ({ query }) => availability(deps, query.drug_ids),
    }),
  ]
}
