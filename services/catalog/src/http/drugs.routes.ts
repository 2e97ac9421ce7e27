import { route } from '@apotheca/kernel'
import type { CatalogDeps } from '../application/deps.ts'
import { equivalentsOf, searchAnswer } from '../application/search-drugs.ts'
import { getDrug } from '../application/get-drug.ts'
import { DrugParams, PageQuery, SearchQuery, requireCriterion } from './catalog.schemas.ts'
import { DrugAnswer, EquivalentsAnswer, SearchAnswer } from './responses.ts'

const PUBLIC = { public: true as const, why: 'anyone may browse the catalog' }

/** Catalog browsing: search and one drug by id (other services parse the latter as contracts `Drug`). */
export function drugRoutes(deps: Pick<CatalogDeps, 'db' | 'drugCache' | 'searchCache'>) {
  const { db, drugCache, searchCache } = deps
  return [
    route({
      method: 'GET',
      url: '/drugs/search',
      summary:
        'Search drugs by name (ranked, typo-tolerant), NDC in any form, ingredient, or RxNorm concept (best product to dispense first); filters and paging',
      description:
        'Give at least one of q, ndc, ingredient or rxcui (none: 422 search-criterion-required). A 12-digit NDC is a UPC-A barcode: one whose check digit fails finds nothing.',
      auth: PUBLIC,
      schema: { querystring: SearchQuery },
      responses: { 200: SearchAnswer },
      problems: { 422: ['search-criterion-required'] },
      handler: async ({ query }, reply) => {
        const search = requireCriterion(query)
        void reply.type('application/json; charset=utf-8')
        return searchAnswer(db, search, searchCache)
      },
    }),
    route({
      method: 'GET',
      url: '/drugs/:drugId/equivalents',
      summary: 'Generic equivalents: other packages with the same ingredients, strength, dosage form and route, cheapest first',
      auth: PUBLIC,
      schema: { params: DrugParams, querystring: PageQuery },
      responses: { 200: EquivalentsAnswer },
      problems: { 404: ['not-found'] },
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
      responses: { 200: DrugAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params }) => getDrug(db, drugCache, params.drugId),
    }),
  ]
}
