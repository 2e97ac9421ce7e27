// The catalog service alone on PostgreSQL (DATABASE_URL), listening on 127.0.0.1, for bench:search.
// Demo seeding loads the full shipped catalog. The harness adds one bare JSON route (GET /bench/bare)
// and the search without its cache (GET /bench/search-uncached) through a wrapper module, so production
// routes are unchanged. Sends {port} to the parent when ready.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, loadConfig, route, startRuntime, type ServiceModule } from '@apotheca/kernel'
import catalog from '../../services/catalog/src/module.ts'
import { searchDrugs } from '../../services/catalog/src/application/search-drugs.ts'
import { SearchQuery } from '../../services/catalog/src/http/catalog.schemas.ts'

const withBareRoute: ServiceModule = {
  ...catalog,
  create: async (ctx) => {
    const parts = await catalog.create(ctx)
    const bare = route({
      method: 'GET',
      url: '/bench/bare',
      summary: 'bench baseline: a constant JSON answer',
      auth: { public: true, why: 'bench only' },
      handler: async () => ({ results: [], total: 0, limit: 20, offset: 0 }),
    })
    // The same search without the result cache: what a query costs when it is not a repeat.
    const uncached = route({
      method: 'GET',
      url: '/bench/search-uncached',
      summary: 'bench: GET /drugs/search without its cache',
      auth: { public: true, why: 'bench only' },
      schema: { querystring: SearchQuery },
      handler: async ({ query }) => ({ ...(await searchDrugs(ctx.db, query)), limit: query.limit, offset: query.offset }),
    })
    return { ...parts, routes: [...parts.routes, bare, uncached] }
  },
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-search-'))
const config = loadConfig({
  DATABASE_URL: process.env.DATABASE_URL,
  APOTHECA_DATA: dataDir,
  APOTHECA_DEMO: '1',
  LOG_LEVEL: 'silent',
  APOTHECA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  APOTHECA_INTERNAL_SECRET: 'bench-internal-secret-0123456789abcdef',
})
const t0 = performance.now()
const rt = await startRuntime({ modules: [withBareRoute], config, log: createLogger('silent') })
const loadMs = Math.round(performance.now() - t0)
await rt.app.listen({ port: 0, host: '127.0.0.1' })
const address = rt.app.server.address()
process.send!({ port: typeof address === 'object' && address ? address.port : 0, loadMs })
process.on('message', async (m) => {
  if (m === 'stop') {
    await rt.close()
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
})
