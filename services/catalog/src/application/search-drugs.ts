import type { Sql } from '@apotheca/kernel'
import type { DrugSearch } from '../domain/drug.ts'
import { searchDrugs as runSearch, type SearchPage } from '../db/drug-search.repository.ts'

/** Searches the catalog: by name (ranked, typo-tolerant), NDC in any form, or ingredient, with filters. */
export async function searchDrugs(db: Sql, search: DrugSearch): Promise<SearchPage> {
  return runSearch(db, search)
}
