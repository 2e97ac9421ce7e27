import { route, type Database } from '@apotheca/kernel'
import { equivalentsOf, searchAnswer, type SearchCache } from '../application/search-drugs.ts'
import { getDrug, type DrugCache } from '../application/get-drug.ts'
import { DrugParams, PageQuery, SearchQuery } from './catalog.schemas.ts'

const PUBLIC = { public: true as const, why: 'anyone may browse the catalog' }

/** Catalog browsing: search and one drug by id (other services parse the latter as contracts `Drug`). */
export function drugRoutes(db: Database, cache: DrugCache, searchCache: SearchCache) {
  return [
    route({
      method: 'GET',
      url: '/drugs/search',
      summary:
        'Search drugs by name (ranked, typo-tolerant), NDC in any form, ingredient, or RxNorm concept (best product to dispense first); filters and paging',
      auth: PUBLIC,
      schema: { querystring: SearchQuery },
      handler: async ({ query }, reply) => {
        void reply.type('application/json; charset=utf-8')
        return searchAnswer(db, query, searchCache)
      },
    }),
    route({
      method: 'GET',
      url: '/drugs/:drugId/equivalents',
      summary: 'Generic equivalents: other packages with the same ingredients, strength, dosage form and route, cheapest first',
      auth: PUBLIC,
      schema: { params: DrugParams, querystring: PageQuery },
      handler: async ({ params, query }) => ({
        drug_id: params.drugId.toLowerCase(),
        ...(await equivalentsOf(db, params.drugId, query)),
        ...query,
      }),
    }),
    route({
      method: 'GET',
      url: '/drugs/:drugId',
      summary: 'One drug: NDC, ingredients, form, schedule, price',
      auth: PUBLIC,
      schema: { params: DrugParams },
      handler: async ({ params }) => getDrug(db, cache, params.drugId),
    }),
  ]
}
