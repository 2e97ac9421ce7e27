import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import type { Drug } from '@apotheca/contracts'
import { createLogger, createPublisher, createServiceCaller, internalTokens, type Runtime } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import inventory from '../src/module.ts'
import type { InventoryDeps } from '../src/application/deps.ts'
import { appendLedger, applyDelta, ensureBatch, lockBatch, type BatchRow } from '../src/db/batch.repository.ts'
import { DEFAULT_LOCATION_ID } from '../src/db/location.repository.ts'
import type { BatchStatus } from '@apotheca/contracts'

/** The service-to-service secret the test runtimes are started with. */
export const INTERNAL_SECRET = 'inventory-test-internal-secret-0123456789'

/** A token as another service of ours (orders) shows it on /internal routes. */
export const internalToken = () => internalTokens(INTERNAL_SECRET, 'orders').mint()

/** A drug as the catalog would answer it. */
export function drug(name: string, over: Partial<Drug> = {}): Drug {
  return {
    drug_id: randomUUID(),
    name,
    nonproprietary_name: name,
    ndc_code: `${Math.floor(10000 + Math.random() * 89999)}-0${Math.floor(100 + Math.random() * 899)}-01`,
    manufacturer: null,
    description: null,
    strength: '10 mg',
    dosage_form: 'TABLET',
    route: 'ORAL',
    active_ingredients: [name.toUpperCase()],
    rx_only: false,
    dea_schedule: null,
    price: { amount: 499, currency: 'USD' },
    rxcui: null,
    atc_codes: [],
    ...over,
  }
}

/**
 * A stand-in for the catalog over real HTTP (GET /drugs/{id}, GET /drugs/search), reached the way
 * a distributed deployment reaches it: through APOTHECA_SERVICE_URLS. `down` makes it answer 503.
 */
export async function startCatalogStub(drugs: Drug[]) {
  const state = { drugs, down: false, searches: 0, gets: 0 }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (state.down) return send(503, { title: 'down' })
    if (url.pathname === '/drugs/search') {
      state.searches++
      const q = (url.searchParams.get('q') ?? '').toLowerCase()
      const results = state.drugs.filter((d) => d.name.toLowerCase().includes(q))
      return send(200, { results, total: results.length })
    }
    state.gets++
    const found = state.drugs.find((d) => url.pathname === `/drugs/${d.drug_id}`)
    return found ? send(200, found) : send(404, { title: 'Drug not found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** The service's use-case dependencies on a test runtime's database, with a chosen clock. */
export function depsFor(rt: Runtime, catalogUrl: string, clock: () => Date = () => new Date()): InventoryDeps {
  const services = createServiceCaller({ local: new Set(), app: () => undefined, urls: { catalog: catalogUrl }, token: internalToken })
  return { db: rt.db, publish: createPublisher('inventory', () => {}), services, log: createLogger('silent'), minShelfDays: 30, clock }
}

/** Puts a batch on the shelf directly (with its ledger row), for tests that need stock without the adjust route. */
export async function stockBatch(
  rt: Runtime,
  b: { drug_id: string; batch_number: string; expiry_date: string; quantity: number; status?: BatchStatus; location_id?: string },
): Promise<BatchRow> {
  return rt.db.transaction(async (tx) => {
    const key = { drug_id: b.drug_id, location_id: b.location_id ?? DEFAULT_LOCATION_ID, batch_number: b.batch_number }
    await ensureBatch(tx, { ...key, expiry_date: b.expiry_date })
    const row = (await lockBatch(tx, key.drug_id, key.location_id, key.batch_number))!
    const after = (await applyDelta(tx, row.batch_id, b.quantity, b.status ?? 'available'))!
    await appendLedger(tx, {
      batch_id: after.batch_id,
      drug_id: b.drug_id,
      quantity_delta: b.quantity,
      reason: 'received',
      actor: 'test',
      source: 'test',
    })
    return after
  })
}

/** An ISO date `days` from today (UTC). */
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/** The events inventory wrote to its outbox for an aggregate, oldest first. */
export async function outbox(rt: Runtime, aggregateId: string): Promise<Array<{ type: string; payload: any }>> {
  const { rows } = await rt.db.query<{ type: string; payload: any }>(
    `SELECT type, payload FROM inventory.outbox WHERE aggregate_id = $1 ORDER BY seq`,
    [aggregateId],
  )
  return rows
}

/** An event envelope as the bus delivers it. */
export function envelope(type: string, aggregateId: string, payload: Record<string, unknown>) {
  return {
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: aggregateId,
    version: 1,
    payload,
    traceparent: null,
  } as any
}

/** The inventory module in a test runtime, asking a catalog stub (holding `drugs`) over HTTP. */
export async function startWithCatalogStub(drugs: Drug[] = [], o: { backend?: 'pglite' | 'postgres'; env?: Record<string, string> } = {}) {
  const catalog = await startCatalogStub(drugs)
  const rt: TestRuntime = await startTestRuntime({
    modules: [inventory],
    ...(o.backend ? { backend: o.backend } : {}),
    env: { APOTHECA_INTERNAL_SECRET: INTERNAL_SECRET, APOTHECA_SERVICE_URLS: `catalog=${catalog.url}`, ...o.env },
  })
  return { rt, catalog }
}
