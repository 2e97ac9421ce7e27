import { availabilityOf, refreshAvailability } from '../db/availability.repository.ts'
import { dates, type InventoryDeps } from './deps.ts'

/** Refreshes the availability read model from the batches (the job; also after the shelf-life cutoff moves at midnight). */
export async function refreshAvailabilityModel(deps: InventoryDeps): Promise<number> {
  return refreshAvailability(deps.db, dates(deps).cutoff)
}

/** Whether each drug is in stock, from the read model: a drug never stocked is 0, as of now. */
export async function availability(deps: InventoryDeps, drugIds: string[]) {
  const found = new Map((await availabilityOf(deps.db, drugIds)).map((a) => [a.drug_id, a]))
  const now = deps.clock().toISOString()
  return {
    items: [...new Set(drugIds)].map((drug_id) => {
      const a = found.get(drug_id)
      const quantity_available = a?.quantity_available ?? 0
      return { drug_id, in_stock: quantity_available > 0, quantity_available, as_of: a?.refreshed_at ?? now }
    }),
  }
}
