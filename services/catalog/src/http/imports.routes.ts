import { route } from '@apotheca/kernel'
import type { CatalogDeps } from '../application/deps.ts'
import { importCatalog } from '../application/import-catalog.ts'
import { ImportRequest } from './catalog.schemas.ts'
import { ImportsAnswer } from './responses.ts'

/** Loading the shipped catalog files on demand (distributed mode has no demo seeding). */
export function importRoutes(deps: Pick<CatalogDeps, 'db' | 'publish' | 'log'>) {
  return [
    route({
      method: 'POST',
      url: '/catalog/imports',
      summary: 'Imports the shipped drug and interaction files; unchanged files are skipped unless force',
      description:
        'The body is required: a JSON object, `{}` or `{"force": true}`. The import runs beside the API (its statements yield to other requests); requests that read the catalog wait for its transaction.',
      auth: { roles: ['admin'] },
      schema: { body: ImportRequest },
      responses: { 200: ImportsAnswer },
      handler: async ({ body }) => ({ imports: await importCatalog(deps, { force: body.force }) }),
    }),
  ]
}
