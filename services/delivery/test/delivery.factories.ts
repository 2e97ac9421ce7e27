import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import type { EventEnvelope, Role } from '@apotheca/contracts'
import { eventually, type TestRuntime } from '@apotheca/kernel/testing'

/** An event envelope as another service's relay would deliver it. */
export function envelope(type: string, aggregateId: string, payload: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: aggregateId,
    version: 1,
    payload,
    traceparent: null,
  } as EventEnvelope
}

/** identity.account.created.v1 for a new account of this role. */
export const accountCreated = (role: Role, accountId: string = randomUUID()) =>
  envelope('identity.account.created.v1', accountId, { account_id: accountId, role })

/** inventory.reservation.committed.v1: an order picked and packed. */
export const reservationCommitted = (orderId: string, patientId: string) =>
  envelope('inventory.reservation.committed.v1', randomUUID(), {
    reservation_id: randomUUID(),
    order_id: orderId,
    patient_id: patientId,
    picks: [{ drug_id: randomUUID(), batch_number: 'LOT-1', expiry_date: '2028-01-31', location_id: randomUUID(), quantity: 1 }],
  })

/** What the identity stub answers for a patient: an address (by ZIP), no address, or a failure. */
export type PatientAnswer = { zip: string; country?: string } | 'no-address' | 'unavailable'

/**
 * A stand-in for identity's GET /internal/patients/{id} over HTTP (identity is not in these
 * tests' process): unknown patients answer 404, like identity does.
 */
export async function startIdentityStub() {
  const patients = new Map<string, PatientAnswer>()
  const server: Server = createServer((req, res) => {
    const id = /^\/internal\/patients\/([^/?]+)$/.exec(req.url ?? '')?.[1]
    const answer = id ? patients.get(decodeURIComponent(id)) : undefined
    if (answer === 'unavailable')
      return void res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"title":"unavailable"}')
    if (!id || !answer) return void res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"not found"}')
    const address =
      answer === 'no-address'
        ? null
        : { line1: '1 Main St', line2: null, city: 'Somewhere', state: 'NY', postal_code: answer.zip, country: answer.country ?? 'US' }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        patient_id: id,
        status: 'active',
        name: 'Test Patient',
        email: null,
        phone: null,
        address,
        consent: { email: false, sms: false },
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, patients, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Collects the events delivery publishes (through its outbox and relay). */
export function captureEvents(rt: TestRuntime) {
  const seen: EventEnvelope[] = []
  rt.bus.subscribe({
    service: 'test-spy',
    types: ['delivery.shipment.created.v1', 'delivery.shipment.status_changed.v1'],
    deliver: async (e) => {
      seen.push(e)
    },
  })
  return seen
}

/** Polls until `check` returns a value (the relay runs in the background), or fails after `ms`. */
/** Waits for an effect that arrives by events (see eventually). */
export const waitFor = <T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 5000) => eventually(what, check, ms, 25)

/** A ZIP of the shipped data and its centroid (the n-th by code, or the northernmost). */
export async function zipFromData(rt: TestRuntime, pick: { offset: number } | 'northernmost') {
  const order = pick === 'northernmost' ? 'ST_Y(location::geometry) DESC' : 'postal_code'
  const offset = pick === 'northernmost' ? 0 : pick.offset
  const { rows } = await rt.db.query<{ postal_code: string; lat: number; lng: number }>(
    `SELECT postal_code, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM delivery.zip_centroids ORDER BY ${order} LIMIT 1 OFFSET $1`,
    [offset],
  )
  return rows[0]!
}
