import { randomUUID } from 'node:crypto'
import type { Drug, InternalPrescription, ServiceName } from '@apotheca/contracts'
import {
  Problem,
  createPublisher,
  createServiceCaller,
  internalTokens,
  loadConfig,
  loadSecrets,
  notFound,
  route,
  type Logger,
  type ServiceModule,
} from '@apotheca/kernel'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { depsFrom, type OrdersDeps } from '../src/application/deps.ts'

// Stand-ins for catalog, prescriptions and inventory that answer exactly what the typed clients in
// packages/contracts/src/clients expect, so the saga is tested in process without those services.

const NO_MIGRATIONS = new URL('./', import.meta.url)

/** A catalog drug with sensible defaults. */
export function drug(o: Partial<Drug> = {}): Drug {
  return {
    drug_id: randomUUID(),
    name: 'Ibuprofen 200 mg tablet',
    nonproprietary_name: 'ibuprofen',
    ndc_code: '00000-0000-00',
    manufacturer: null,
    description: null,
    strength: '200 mg',
    dosage_form: 'TABLET',
    route: 'ORAL',
    active_ingredients: ['IBUPROFEN'],
    rx_only: false,
    dea_schedule: null,
    price: { amount: 499, currency: 'USD' },
    rxcui: null,
    atc_codes: [],
    ...o,
  }
}

/** A verified prescription of `patientId` for `drugId`. */
export function prescription(patientId: string, drugId: string, o: Partial<InternalPrescription> = {}): InternalPrescription {
  return {
    prescription_id: randomUUID(),
    patient_id: patientId,
    drug_id: drugId,
    status: 'verified',
    quantity: 30,
    refills_remaining: 0,
    expiry_date: '2099-12-31',
    dea_schedule: null,
    ...o,
  }
}

/** The fake platform around orders: its data is plain maps the tests fill and inspect. */
export function fakePlatform() {
  const drugs = new Map<string, Drug>()
  const prescriptions = new Map<string, InternalPrescription>()
  const stock = new Map<string, number>()
  const reservations = new Map<
    string,
    { order_id: string; items: Array<{ drug_id: string; quantity: number }>; status: 'held' | 'released' | 'committed' }
  >()
  const state = { inventoryDown: false }

  const catalog: ServiceModule = {
    name: 'catalog',
    migrations: NO_MIGRATIONS,
    create: () => ({
      routes: [
        route({
          method: 'GET',
          url: '/drugs/:drugId',
          summary: 'fake',
          auth: { public: true, why: 'test fake of the public catalog' },
          handler: async ({ params }) => drugs.get((params as any).drugId) ?? Promise.reject(notFound('Drug')),
        }),
      ],
    }),
  }
  const fills = new Map<string, { prescription_id: string; order_id: string; quantity: number }>()
  const prescriptionsModule: ServiceModule = {
    name: 'prescriptions',
    migrations: NO_MIGRATIONS,
    create: () => ({
      routes: [
        route({
          method: 'GET',
          url: '/internal/prescriptions/:id',
          summary: 'fake',
          auth: { internal: true },
          handler: async ({ params }) => prescriptions.get((params as any).id) ?? Promise.reject(notFound('Prescription')),
        }),
        route({
          method: 'POST',
          url: '/internal/prescriptions/:id/fills',
          summary: 'fake',
          auth: { internal: true },
          handler: async ({ params, body }, reply) => {
            const id = (params as any).id as string
            const { order_id, quantity } = body as { order_id: string; quantity: number }
            const rx = prescriptions.get(id)
            if (!rx) throw notFound('Prescription')
            if (rx.dispensable === false)
              throw new Problem(409, 'not-dispensable', 'The prescription is not dispensable', 'it was changed after verification')
            const seen = fills.get(`${id}/${order_id}`)
            if (!seen) fills.set(`${id}/${order_id}`, { prescription_id: id, order_id, quantity })
            reply.status(seen ? 200 : 201)
            return {
              prescription_id: id,
              order_id,
              fill_number: 1,
              quantity,
              refills_remaining: rx.refills_remaining,
              renewal_requested: false,
            }
          },
        }),
      ],
    }),
  }
  const inventory: ServiceModule = {
    name: 'inventory',
    migrations: NO_MIGRATIONS,
    create: (ctx) => ({
      routes: [
        route({
          method: 'POST',
          url: '/internal/reservations',
          summary: 'fake',
          auth: { internal: true },
          handler: async ({ body }, reply) => {
            if (state.inventoryDown) throw new Problem(503, 'unavailable', 'down for the test')
            const req = body as { order_id: string; items: Array<{ drug_id: string; quantity: number }> }
            const existing = [...reservations.entries()].find(([, r]) => r.order_id === req.order_id)
            if (existing) return reservationView(existing[0], existing[1])
            const short = req.items.filter((i) => (stock.get(i.drug_id) ?? 0) - reservedOf(i.drug_id) < i.quantity)
            if (short.length)
              throw new Problem(409, 'out-of-stock', 'Out of stock', 'not enough stock', { items: short.map((i) => i.drug_id) })
            const reservation_id = randomUUID()
            reservations.set(reservation_id, { order_id: req.order_id, items: req.items, status: 'held' })
            const { picks, expires_at } = reservationView(reservation_id, reservations.get(reservation_id)!)
            await ctx.db.transaction((tx) =>
              ctx.publish(tx, 'inventory.reservation.created.v1', reservation_id, {
                reservation_id,
                order_id: req.order_id,
                picks,
                expires_at,
              }),
            )
            reply.status(201)
            return reservationView(reservation_id, reservations.get(reservation_id)!)
          },
        }),
        route({
          method: 'POST',
          url: '/internal/reservations/:id/release',
          summary: 'fake',
          auth: { internal: true },
          handler: async ({ params }) => {
            const r = reservations.get((params as any).id)
            if (!r) throw notFound('Reservation')
            if (r.status === 'committed') throw new Problem(409, 'reservation-committed', 'The reservation has been dispensed')
            if (r.status === 'held') r.status = 'released'
            return { reservation_id: (params as any).id, status: r.status }
          },
        }),
      ],
    }),
  }

  /** A reservation as inventory answers it (contracts: Reservation). */
  function reservationView(
    reservation_id: string,
    r: { order_id: string; items: Array<{ drug_id: string; quantity: number }>; status: string },
  ) {
    const picks = r.items.map((i) => ({
      drug_id: i.drug_id,
      batch_number: 'LOT-1',
      expiry_date: '2030-01-31',
      location_id: NIL_LOCATION,
      quantity: i.quantity,
    }))
    return { reservation_id, order_id: r.order_id, status: r.status, expires_at: new Date(Date.now() + 30 * 60_000).toISOString(), picks }
  }

  /** Units of a drug held by reservations right now. */
  function reservedOf(drugId: string): number {
    let n = 0
    for (const r of reservations.values()) if (r.status === 'held') for (const i of r.items) if (i.drug_id === drugId) n += i.quantity
    return n
  }

  return { modules: [catalog, prescriptionsModule, inventory], drugs, prescriptions, fills, stock, reservations, state, reservedOf }
}

const NIL_LOCATION = '00000000-0000-4000-8000-000000000001'

/** Use-case dependencies wired to a test runtime, for calling application code directly (crash simulations). */
export function ordersDepsFor(rt: TestRuntime, local: ServiceName[]): OrdersDeps {
  const config = loadConfig({ APOTHECA_DATA: rt.dataDir })
  const secrets = loadSecrets(config)
  const internal = internalTokens(secrets.internalSecret, 'orders')
  // The module's own wiring, with a caller that reaches only the stand-ins named and events dropped.
  return depsFrom({
    db: rt.db,
    publish: createPublisher('orders', () => {}),
    services: createServiceCaller({ local: new Set(local), app: () => rt.app, urls: {}, token: internal.mint }),
    log: rt.app.log as unknown as Logger,
    secrets,
    config,
  })
}

/** A minimal delivery event envelope, as the relay would hand it over. */
export function envelope(type: string, aggregateId: string, payload: Record<string, unknown>) {
  return {
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: aggregateId,
    version: 1,
    traceparent: null,
    payload,
  } as any
}
