import type { ServiceModule } from '@apotheca/kernel'
import { depsFrom } from './application/deps.ts'
import { importCatalog } from './application/import-catalog.ts'
import { clearCacheOnImport } from './events/handlers/import-completed.handler.ts'
import { drugRoutes } from './http/drugs.routes.ts'
import { importRoutes } from './http/imports.routes.ts'
import { interactionRoutes } from './http/interactions.routes.ts'

/** catalog: drugs by NDC with ingredients, forms, schedules and prices; search; interaction checks. */
export default {
  name: 'catalog',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const deps = depsFrom(ctx)
    return {
      routes: [...drugRoutes(deps), ...interactionRoutes(deps), ...importRoutes(deps)],
      consumers: [clearCacheOnImport(deps)],
      seedDemo: async () => {
        await importCatalog(deps)
      },
    }
  },
} satisfies ServiceModule
