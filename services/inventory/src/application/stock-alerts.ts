import { Problem } from '@apotheca/kernel'
import { lockReorderPoints, markAlerted, newExpiryCrossings, setReorderPoint } from '../db/alert.repository.ts'
import { defaultLocationId, locationExists } from '../db/location.repository.ts'
import { dates, type InventoryDeps } from './deps.ts'
import { learnDrug } from './learn-drug.ts'

/**
 * The scheduled alert job: `inventory.stock.low.v1` once per dip to or below a reorder point
 * (re-armed when stock is back above it), and `inventory.stock.expiring.v1` once per batch and
 * threshold (90, 60, 30 days). Returns how many of each it announced.
 */
export async function runStockAlerts(deps: InventoryDeps): Promise<{ low: number; expiring: number }> {
  const { today, cutoff } = dates(deps)
  return deps.db.transaction(async (tx) => {
    let low = 0
    for (const p of await lockReorderPoints(tx, cutoff)) {
      const isLow = p.available <= p.reorder_point
      if (isLow === p.alerted) continue
      await markAlerted(tx, p.drug_id, p.location_id, isLow)
      if (!isLow) continue
      await deps.publish(tx, 'inventory.stock.low.v1', p.drug_id, {
        drug_id: p.drug_id,
        location_id: p.location_id,
        quantity_available: p.available,
        reorder_point: p.reorder_point,
      })
      low++
    }
    const crossings = await newExpiryCrossings(tx, today)
    for (const c of crossings) await deps.publish(tx, 'inventory.stock.expiring.v1', c.drug_id, c)
    return { low, expiring: crossings.length }
  })
}

/** Sets a drug's reorder point at a location (the default one when none is named); the drug must be known to the catalog. */
export async function setReorderPointFor(
  deps: InventoryDeps,
  drugId: string,
  body: { reorder_point: number; location_id?: string | undefined },
) {
  await learnDrug(deps, drugId)
  if (body.location_id && !(await locationExists(deps.db, body.location_id))) {
    throw new Problem(422, 'unknown-location', 'No such location', `location ${body.location_id} does not exist`)
  }
  const location_id = body.location_id ?? (await defaultLocationId(deps.db))
  await setReorderPoint(deps.db, drugId, location_id, body.reorder_point)
  return { drug_id: drugId, location_id, reorder_point: body.reorder_point }
}
