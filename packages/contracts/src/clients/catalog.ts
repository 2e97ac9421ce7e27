import { z } from 'zod'
import { DeaSchedule } from '../vocab.ts'
import { ServiceCallError, fetchOrNull, type ServiceCaller } from './caller.ts'

/** A drug as the catalog answers it (GET /drugs/{drugId} and search results). */
export const Drug = z.object({
  drug_id: z.uuid(),
  name: z.string(),
  nonproprietary_name: z.string().nullable(),
  ndc_code: z.string(),
  manufacturer: z.string().nullable(),
  description: z.string().nullable(),
  strength: z.string().nullable(),
  dosage_form: z.string().nullable(),
  route: z.string().nullable(),
  active_ingredients: z.array(z.string()),
  rx_only: z.boolean(),
  dea_schedule: DeaSchedule.nullable(),
  price: z.object({ amount: z.number().int(), currency: z.string() }),
  rxcui: z.string().nullable(),
  atc_codes: z.array(z.string()),
})
export type Drug = z.infer<typeof Drug>

/** The catalog's answer to GET /drugs/search. */
export const DrugSearchResult = z.object({ results: z.array(Drug), total: z.number().int() })
export type DrugSearchResult = z.infer<typeof DrugSearchResult>

/** A drug as every search result carries it (GET /drugs/search). */
export const DrugSummary = Drug.pick({ drug_id: true, name: true, ndc_code: true, rx_only: true, dea_schedule: true })
export type DrugSummary = z.infer<typeof DrugSummary>

/** One interacting pair as the catalog's interaction checker answers it. */
export const DrugInteraction = z.object({
  drug_ids: z.array(z.string()),
  ingredients: z.array(z.string()),
  severity: z.enum(['high', 'moderate', 'low']),
  description: z.string(),
  source: z.string(),
})
export type DrugInteraction = z.infer<typeof DrugInteraction>

/** Typed client for the catalog. */
export function catalogClient(caller: ServiceCaller) {
  return {
    getDrug: (drugId: string) => fetchOrNull(caller, 'catalog', `/drugs/${encodeURIComponent(drugId)}`, Drug),
    /** Products with this NDC (any 10- or 11-digit form); none → []; a non-2xx answer → ServiceCallError. */
    async searchByNdc(ndc: string): Promise<DrugSummary[]> {
      const r = await caller.call('catalog', { method: 'GET', path: `/drugs/search?ndc=${encodeURIComponent(ndc)}` })
      if (r.status >= 300) throw new ServiceCallError('catalog', r.status, r.json)
      return z.object({ results: z.array(DrugSummary) }).parse(r.json).results
    },
    /**
     * Pairwise interactions among 2–50 drugs (POST /internal/interactions/check, the service-token twin of
     * POST /interactions/check); any non-2xx answer throws ServiceCallError.
     */
    async checkInteractions(drugIds: string[]): Promise<DrugInteraction[]> {
      const r = await caller.call('catalog', { method: 'POST', path: '/internal/interactions/check', body: { drug_ids: drugIds } })
      if (r.status >= 300) throw new ServiceCallError('catalog', r.status, r.json)
      return z.object({ interactions: z.array(DrugInteraction) }).parse(r.json).interactions
    },
    /**
     * Products the catalog maps to this RxNorm concept (GET /drugs/search?rxcui=…), best candidate first
     * (the catalog's order); none → []; a non-2xx answer → ServiceCallError.
     */
    async searchByRxcui(rxcui: string, limit = 20): Promise<Drug[]> {
      const r = await caller.call('catalog', { method: 'GET', path: `/drugs/search?rxcui=${encodeURIComponent(rxcui)}&limit=${limit}` })
      if (r.status >= 300) throw new ServiceCallError('catalog', r.status, r.json)
      return DrugSearchResult.parse(r.json).results
    },
    /** Searches drugs by name (GET /drugs/search?q=…); any non-2xx answer throws ServiceCallError. */
    async search(q: string, limit = 20): Promise<DrugSearchResult> {
      const r = await caller.call('catalog', { method: 'GET', path: `/drugs/search?q=${encodeURIComponent(q)}&limit=${limit}` })
      if (r.status >= 300) throw new ServiceCallError('catalog', r.status, r.json)
      return DrugSearchResult.parse(r.json)
    },
  }
}
