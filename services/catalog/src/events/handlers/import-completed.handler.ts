import type { Consumer } from '@apotheca/kernel'

/** Clears the drug and search caches when an import changed the catalog (ours; every replica that receives it). */
export function clearCacheOnImport(...caches: Array<{ clear(): void }>): Consumer {
  return {
    name: 'catalog.clear-drug-cache',
    types: ['catalog.import.completed.v1'],
    async handle() {
      for (const c of caches) c.clear()
    },
  }
}
