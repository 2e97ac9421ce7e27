import { notFound, type Sql } from '@apotheca/kernel'
import type { CatalogDrug } from '../domain/drug.ts'
import { LruCache } from '../domain/lru.ts'
import { findDrugById } from '../db/drug.repository.ts'

/** Recently read drugs by id; cleared when an import completes (catalog.import.completed.v1). */
export type DrugCache = LruCache<string, CatalogDrug>

/** A drug cache of the size other services' lookups (carts, prescriptions, stock) keep warm. */
export function createDrugCache(capacity = 2000): DrugCache {
  return new LruCache<string, CatalogDrug>(capacity)
}

/** One drug by id, from the cache or the database; unknown → 404. */
export async function getDrug(db: Sql, cache: DrugCache, drugId: string): Promise<CatalogDrug> {
  const id = drugId.toLowerCase()
  const cached = cache.get(id)
  if (cached) return cached
  const drug = await findDrugById(db, id)
  if (!drug) throw notFound('Drug')
  cache.set(id, drug)
  return drug
}
