import type { Sql } from '@apotheca/kernel'
import { batchesOfDrug } from '../db/batch.repository.ts'
import { summarizeStock } from '../domain/fefo.ts'
import { dates, type InventoryDeps } from './deps.ts'
import { learnDrug } from './learn-drug.ts'
import { batchView } from './views.ts'

/** A drug's stock: totals and every batch, read through `sql` (the pool, or a transaction). */
export async function stockOf(deps: InventoryDeps, sql: Sql, drugId: string) {
  const batches = await batchesOfDrug(sql, drugId)
  return { drug_id: drugId, ...summarizeStock(batches, dates(deps).cutoff), batches: batches.map(batchView) }
}

/** A drug's stock for staff; a drug we never stocked is asked of the catalog (404 when it does not know it). */
export async function getStock(deps: InventoryDeps, drugId: string) {
  const stock = await stockOf(deps, deps.db, drugId)
  if (stock.batches.length === 0) await learnDrug(deps, drugId)
  return stock
}
