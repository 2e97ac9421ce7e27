import type { Consumer } from '@apotheca/kernel'
import type { DrugCache } from '../../application/get-drug.ts'

/** Clears the drug cache when an import changed the catalog (ours; every replica that receives it). */
export function clearCacheOnImport(cache: DrugCache): Consumer {
  return {
    name: 'catalog.clear-drug-cache',
    types: ['catalog.import.completed.v1'],
    async handle() {
      cache.clear()
    },
  }
}
