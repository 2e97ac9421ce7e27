import { z } from 'zod'
import { DeaSchedule } from '../vocab.ts'
import { fetchOrNull, type ServiceCaller } from './caller.ts'

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

/** Typed client for the catalog. */
export function catalogClient(caller: ServiceCaller) {
  return {
    getDrug: (drugId: string) => fetchOrNull(caller, 'catalog', `/drugs/${encodeURIComponent(drugId)}`, Drug),
  }
}
