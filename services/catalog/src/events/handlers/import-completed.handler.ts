import type { Consumer } from '@apotheca/kernel'
import type { CatalogDeps } from '../../application/deps.ts'

/**
 * Clears the drug and search caches when an import changed the catalog. A broadcast consumer: every
 * replica keeps its own caches, so every replica must hear of the import, not one per service.
 */
export function clearCacheOnImport(deps: Pick<CatalogDeps, 'drugCache' | 'searchCache'>): Consumer {
  return {
    name: 'catalog.clear-drug-cache',
    types: ['catalog.import.completed.v1'],
    broadcast: true,
    async handle() {
      for (const c of [deps.drugCache, deps.searchCache]) c.clear()
    },
  }
}
