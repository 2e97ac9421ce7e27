import type { Sql } from '@apotheca/kernel'
import type { DrugSearch } from '../domain/drug.ts'
import { notFound } from '@apotheca/kernel'
import { searchDrugs as runSearch, type SearchPage } from '../db/drug-search.repository.ts'
import { findEquivalents } from '../db/equivalents.repository.ts'
import { findDrugById } from '../db/drug.repository.ts'
import { LruCache } from '../domain/lru.ts'

/** Pages of recent searches by their parsed query; cleared when an import completes, like the drug cache. */
export type SearchCache = LruCache<string, SearchPage>

/**
 * A search cache: search traffic repeats (type-ahead prefixes, popular names), and the catalog changes
 * only by imports, whose event clears it. 1,000 pages of at most 100 drugs stay within tens of MB.
 */
export function createSearchCache(capacity = 1000): SearchCache {
  return new LruCache<string, SearchPage>(capacity)
}

/** Searches the catalog: by name (ranked, typo-tolerant), NDC in any form, or ingredient, with filters. */
export async function searchDrugs(db: Sql, search: DrugSearch, cache?: SearchCache): Promise<SearchPage> {
  if (!cache) return runSearch(db, search)
  const key = JSON.stringify(search)
  const hit = cache.get(key)
  if (hit) return hit
  const page = await runSearch(db, search)
  cache.set(key, page)
  return page
}

/** Generic equivalents of a drug (same ingredients, strength, form, route), cheapest first; unknown drug → 404. */
export async function equivalentsOf(db: Sql, drugId: string, page: { limit: number; offset: number }): Promise<SearchPage> {
  const id = drugId.toLowerCase()
  const found = await findEquivalents(db, id, page)
  if (found.total === 0 && !(await findDrugById(db, id))) throw notFound('Drug')
  return found
}
