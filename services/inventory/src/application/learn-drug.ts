import { catalogClient } from '@apotheca/contracts'
import { Problem, notFound } from '@apotheca/kernel'
import { knownDrug, rememberDrug, type KnownDrug } from '../db/drug.repository.ts'
import type { InventoryDeps } from './deps.ts'

/**
 * The drug as inventory knows it, asking the catalog only the first time (outside any
 * transaction). Unknown to the catalog → 404; the catalog not answering → 503, nothing changed.
 */
export async function learnDrug(deps: InventoryDeps, drugId: string): Promise<KnownDrug> {
  const known = await knownDrug(deps.db, drugId)
  if (known) return known
  let drug
  try {
    drug = await catalogClient(deps.services).getDrug(drugId)
  } catch (err) {
    deps.log.warn({ drug_id: drugId, err: (err as Error).message }, 'catalog did not answer')
    throw new Problem(503, 'catalog-unavailable', 'The catalog is not answering', 'try again shortly; nothing was changed')
  }
  if (!drug) throw notFound('Drug')
  const learnt = { drug_id: drug.drug_id, dea_schedule: drug.dea_schedule ?? null }
  await rememberDrug(deps.db, learnt)
  return learnt
}
