import { catalogClient, type Drug } from '@apotheca/contracts'
import type { Job } from '@apotheca/kernel'
import { lockBatch } from '../db/batch.repository.ts'
import { markSeedDone, seedDone } from '../db/demo-seed.repository.ts'
import { defaultLocationId } from '../db/location.repository.ts'
import { addDays } from '../domain/fefo.ts'
import { adjustInTx } from './adjust-stock.ts'
import { dates, type InventoryDeps } from './deps.ts'

/** Common medicines a demo user can buy right away. */
export const DEMO_MEDICINES = [
  'amoxicillin',
  'ibuprofen',
  'lisinopril',
  'atorvastatin',
  'metformin',
  'omeprazole',
  'amlodipine',
  'loratadine',
  'cetirizine',
  'acetaminophen',
  'sertraline',
  'levothyroxine',
]
const PER_MEDICINE = 3
/** Two batches per drug with different expiry dates, so first-expiry-first picking is visible. */
const DEMO_BATCHES = [
  { suffix: 'A', days: 240, quantity: 40 },
  { suffix: 'B', days: 600, quantity: 120 },
]
const ACTOR = 'system:demo-seed'
const SEED = 'demo-stock'

/**
 * Stocks the first few catalog results for each demo medicine at the default location, once: a
 * completed seed is recorded and skipped on later starts, and batches named DEMO-<ndc>-A/B are
 * never stocked twice. Throws when the catalog does not answer or knows none of them (yet).
 */
export async function seedDemoStock(deps: InventoryDeps): Promise<{ drugs: number; batches: number; skipped?: true }> {
  if (await seedDone(deps.db, SEED)) return { drugs: 0, batches: 0, skipped: true }
  const catalog = catalogClient(deps.services)
  const drugs = new Map<string, Drug>()
  for (const name of DEMO_MEDICINES) {
    const { results } = await catalog.search(name, PER_MEDICINE * 2)
    for (const d of results.filter((r) => !r.dea_schedule).slice(0, PER_MEDICINE)) drugs.set(d.drug_id, d)
  }
  if (drugs.size === 0) throw new Error('the catalog knows none of the demo medicines yet')
  const locationId = await defaultLocationId(deps.db)
  let batches = 0
  for (const d of drugs.values()) batches += await stockDrug(deps, d, locationId)
  await markSeedDone(deps.db, SEED, { drugs: drugs.size, batches })
  return { drugs: drugs.size, batches }
}

async function stockDrug(deps: InventoryDeps, drug: Drug, locationId: string): Promise<number> {
  const { today } = dates(deps)
  return deps.db.transaction(async (tx) => {
    let made = 0
    for (const b of DEMO_BATCHES) {
      const batch_number = `DEMO-${drug.ndc_code}-${b.suffix}`
      if (await lockBatch(tx, drug.drug_id, locationId, batch_number)) continue
      const body = { quantity_delta: b.quantity, reason: 'received' as const, batch_number, expiry_date: addDays(today, b.days) }
      await adjustInTx(deps, tx, { drugId: drug.drug_id, body, actor: ACTOR }, locationId)
      made++
    }
    return made
  })
}

/**
 * The demo seed, and a job that retries it until it succeeds: in distributed mode the catalog
 * may start after us, and a missing catalog must not stop the start.
 */
export function demoStockSeeder(deps: InventoryDeps): { seed(): Promise<void>; job: Job } {
  let pending = false
  let failures = 0
  const attempt = async () => {
    try {
      const done = await seedDemoStock(deps)
      pending = false
      deps.log.info(done, 'demo stock ready')
    } catch (err) {
      pending = true
      failures++
      if (failures === 1 || failures % 20 === 0)
        deps.log.warn({ failures, err: (err as Error).message }, 'demo stock not seeded yet; will retry')
    }
  }
  return {
    seed: attempt,
    job: {
      name: 'inventory.demo-stock-seed',
      everyMs: 15_000,
      run: async () => {
        if (pending) await attempt()
      },
    },
  }
}
