import type { ServiceModule } from '@apotheca/kernel'
import { createDrugCache } from './application/get-drug.ts'
import { importCatalog } from './application/import-catalog.ts'
import { createSearchCache } from './application/search-drugs.ts'
import { clearCacheOnImport } from './events/handlers/import-completed.handler.ts'
import { drugRoutes } from './http/drugs.routes.ts'
import { importRoutes } from './http/imports.routes.ts'
import { interactionRoutes } from './http/interactions.routes.ts'

/** catalog: drugs by NDC with ingredients, forms, schedules and prices; search; interaction checks. */
export default {
  name: 'catalog',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const cache = createDrugCache()
    const searchCache = createSearchCache()
    const deps = { db: ctx.db, publish: ctx.publish, log: ctx.log }
    return {
      routes: [
        ...drugRoutes(ctx.db, cache, searchCache),
        ...interactionRoutes({ db: ctx.db, services: ctx.services, log: ctx.log }),
        ...importRoutes(deps),
      ],
      consumers: [clearCacheOnImport(cache, searchCache)],
      seedDemo: async () => {
        await importCatalog(deps)
      },
    }
  },
} satisfies ServiceModule
