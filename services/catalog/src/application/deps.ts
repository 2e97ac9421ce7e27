import type { ServiceCaller } from '@apotheca/contracts'
import type { Database, Logger, Publish, ServiceContext } from '@apotheca/kernel'
import { createDrugCache, type DrugCache } from './get-drug.ts'
import { createSearchCache, type SearchCache } from './search-drugs.ts'

/** What the routes, consumers and seed of catalog work with; built once by depsFrom. */
export interface CatalogDeps {
  db: Database
  publish: Publish
  services: ServiceCaller
  log: Logger
  /** Drugs by id, cleared when an import completes. */
  drugCache: DrugCache
  /** Search answers, cleared when an import completes. */
  searchCache: SearchCache
}

/** Builds the dependencies from the runtime's context: its database, outbox and callers, and the caches. */
export function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'services' | 'log'>): CatalogDeps {
  return {
    db: ctx.db,
    publish: ctx.publish,
    services: ctx.services,
    log: ctx.log,
    drugCache: createDrugCache(),
    searchCache: createSearchCache(),
  }
}
