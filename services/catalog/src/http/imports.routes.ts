import { route } from '@apotheca/kernel'
import { importCatalog, type ImportDeps } from '../application/import-catalog.ts'
import { ImportRequest } from './catalog.schemas.ts'

/** Loading the shipped catalog files on demand (distributed mode has no demo seeding). */
export function importRoutes(deps: ImportDeps) {
  return [
    route({
      method: 'POST',
      url: '/catalog/imports',
      summary: 'Imports the shipped drug and interaction files; unchanged files are skipped unless force',
      auth: { roles: ['admin'] },
      schema: { body: ImportRequest },
      handler: async ({ body }) => ({ imports: await importCatalog(deps, { force: body.force }) }),
    }),
  ]
}
