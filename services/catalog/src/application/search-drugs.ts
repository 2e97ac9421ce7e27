import type { Database, Sql } from '@apotheca/kernel'
import type { DrugSearch } from '../domain/drug.ts'
import { notFound } from '@apotheca/kernel'
import { searchDrugs as runSearch, type SearchPage } from '../db/drug-search.repository.ts'
import { findEquivalents } from '../db/equivalents.repository.ts'
import { findDrugById } from '../db/drug.repository.ts'
import { LruCache } from '../domain/lru.ts'

/** Answers of recent searches (the JSON text sent) by their parsed query; cleared when an import completes, like the drug cache. */
export type SearchCache = LruCache<string, string>

/**
 * A search cache: search traffic repeats (type-ahead prefixes, popular names), and the catalog changes
 * only by imports, whose event clears it. It keeps the serialised answer, so a hit costs no JSON work
 * (serialising a page was most of a cached answer's time). 1,000 pages of at most 100 drugs stay within tens of MB.
 */
export function createSearchCache(capacity = 1000): SearchCache {
  return new LruCache<string, string>(capacity)
}

/** Searches the catalog: by name (ranked, typo-tolerant), NDC in any form, ingredient or RxNorm concept, with filters. */
export async function searchDrugs(db: Database, search: DrugSearch): Promise<SearchPage> {
  return runSearch(db, search)
}

/** The JSON answer of GET /drugs/search (the page with its total, limit and offset), from the cache when it has it. */
export async function searchAnswer(db: Database, search: DrugSearch, cache: SearchCache): Promise<string> {
  const key = JSON.stringify(search)
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const answer = JSON.stringify({ ...(await runSearch(db, search)), limit: search.limit, offset: search.offset })
  cache.set(key, answer)
  return answer
}

/** Generic equivalents of a drug (same ingredients, strength, form, route), cheapest first; unknown drug → 404. */
export async function equivalentsOf(db: Sql, drugId: string, page: { limit: number; offset: number }): Promise<SearchPage> {
  const id = drugId.toLowerCase()
  const found = await findEquivalents(db, id, page)
  if (found.total === 0 && !(await findDrugById(db, id))) throw notFound('Drug')
  return found
}
