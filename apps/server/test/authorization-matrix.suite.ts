import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { Role, SERVICE_NAMES } from '@apotheca/contracts'
import { internalTokens } from '@apotheca/kernel'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { isValidNpi } from '../../../services/identity/src/domain/practitioner-ids.ts'
import { modulesFor } from '../src/modules.ts'

// Every operation the server publishes in /openapi.json × every role (and anonymous) × the caller's
// own resource and someone else's. The resources are real: patients registered, a prescription
// submitted and verified, an order placed, paid and fulfilled, and its shipment assigned to a driver.
const ROLES = Role.options
const INTERNAL_SECRET = 'authorization-matrix-internal-secret-0123456789'
const PASSWORD = 'Correct-Horse-Battery-9'
const today = () => new Date().toISOString().slice(0, 10)

type Op = { method: string; path: string; access: any }
type World = {
  patient: string
  erasable: string
  practitioner: string
  driver: string
  drug: string
  prescription: string
  order: string
  shipment: string
  zip: { lat: number; lng: number }
}

/**
 * Owner-scoped (operation, role) pairs and what someone else of that role gets for the resource.
 * A practitioner listing a patient they never prescribed for gets 404, as a patient does for
 * someone else's; a patient submitting for another patient is refused with 403 (a write naming
 * someone else, not a lookup).
 */
const OWNED: Record<string, Partial<Record<Role, number>>> = {
  'GET /patients/{patientId}/export': { patient: 404 },
  'DELETE /patients/{patientId}': { patient: 404 },
  'GET /patients/{patientId}/prescriptions': { patient: 404, practitioner: 404 },
  'POST /prescriptions/submit': { patient: 403 },
  'GET /patients/{patientId}/consent': { patient: 404 },
  'PUT /patients/{patientId}/consent': { patient: 404 },
  'GET /orders/{orderId}/status': { patient: 404 },
  'POST /orders/{orderId}/cancel': { patient: 404 },
  'GET /deliveries/{shipmentId}': { patient: 404, driver: 404 },
  'POST /deliveries/{shipmentId}/status': { driver: 404 },
}

const waitFor = <T>(what: string, check: () => Promise<T | undefined | false>) => eventually(what, check, 20_000)

/** Builds the world through the API, as the walkthrough does. */
async function buildWorld(rt: TestRuntime): Promise<World> {
  const zip = (
    await rt.db.query<{ postal_code: string; lat: number; lng: number }>(
      'SELECT postal_code, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM delivery.zip_centroids ORDER BY postal_code OFFSET 700 LIMIT 1',
    )
  ).rows[0]!
  const login = await rt.request('POST', '/auth/login', { body: { email: 'driver@demo.apotheca.test', password: 'Demo-Driver-2026!' } })
  assert.equal(login.status, 200, JSON.stringify(login.json))
  await waitFor(
    'demo driver known to delivery',
    async () =>
      (
        await rt.request('PUT', '/drivers/me/availability', {
          token: login.json.access_token,
          body: { status: 'available', location: { lat: zip.lat, lng: zip.lng } },
        })
      ).status === 200,
  )

  const register = async () => {
    const tag = randomUUID().slice(0, 8)
    const r = await rt.request('POST', '/patients/register', {
      body: {
        name: `Matrix Patient ${tag}`,
        date_of_birth: '1979-04-05',
        email: `matrix.${tag}@example.test`,
        password: PASSWORD,
        phone: '+12125550123',
        address: { line1: '1 Matrix Street', city: 'Testville', state: 'NY', postal_code: zip.postal_code, country: 'US' },
      },
    })
    assert.equal(r.status, 201, JSON.stringify(r.json))
    return r.json.patient_id as string
  }
  const patient = await register()
  const erasable = await register()
  const admin = await rt.token('admin', { mfa: true })
  // A real prescriber: the review checks the prescriber's NPI and licence with identity.
  const staff = await rt.request('POST', '/staff', {
    token: admin,
    body: {
      role: 'practitioner',
      email: `prescriber.${randomUUID().slice(0, 8)}@example.test`,
      password: PASSWORD,
      name: 'Dr Matrix',
      npi: randomNpi(),
      licence_state: 'NY',
    },
  })
  assert.equal(staff.status, 201, JSON.stringify(staff.json))
  const practitioner = staff.json.account_id as string
  // A prescription-only drug, stocked here: on PostgreSQL other test files share the database and its demo stock.
  const search = await rt.request('GET', '/drugs/search?q=amoxicillin&rx_only=true&limit=50', { token: admin })
  const drug = search.json.results.find((x: any) => x.rx_only && !x.dea_schedule)?.drug_id as string | undefined
  assert.ok(drug, 'a prescription-only drug')
  const expiry = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10)
  const stocked = await rt.request('PUT', `/inventory/${drug}/adjust`, {
    token: admin,
    headers: { 'idempotency-key': randomUUID() },
    body: { quantity_delta: 100, reason: 'received', batch_number: `MATRIX-${randomUUID().slice(0, 8)}`, expiry_date: expiry },
  })
  assert.equal(stocked.status, 200, JSON.stringify(stocked.json))
  const rx = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: practitioner }),
    body: { patient_id: patient, drug_id: drug, dosage: '500 mg three times daily', quantity: 30, refill_count: 0, issue_date: today() },
  })
  assert.equal(rx.status, 201, JSON.stringify(rx.json))
  const pharmacist = await rt.token('pharmacist', { mfa: true })
  // Intake resolves the drug after the 201 (by event): the prescription reaches review a moment later.
  await waitFor(
    'prescription verified',
    async () =>
      (await rt.request('POST', `/prescriptions/${rx.json.prescription_id}/verify`, { token: pharmacist, body: { decision: 'approve' } }))
        .status === 200,
  )
  const asPatient = await rt.token('patient', { sub: patient })
  const add = await rt.request('POST', '/cart/items', {
    token: asPatient,
    body: { drug_id: drug, quantity: 30, prescription_id: rx.json.prescription_id },
  })
  assert.equal(add.status, 201, JSON.stringify(add.json))
  const order = await rt.request('POST', '/cart/checkout', {
    token: asPatient,
    headers: { 'idempotency-key': randomUUID() },
    body: { payment_method: 'pm_card_visa' },
  })
  assert.equal(order.status, 201, JSON.stringify(order.json))
  const fulfil = await rt.request('POST', `/orders/${order.json.order_id}/fulfil`, { token: pharmacist, body: {} })
  assert.equal(fulfil.status, 202, JSON.stringify(fulfil.json))
  const shipment = await waitFor(
    'shipment assigned',
    async () =>
      (
        await rt.db.query<{ shipment_id: string; driver_id: string }>(
          'SELECT shipment_id, driver_id FROM delivery.shipments WHERE order_id = $1 AND driver_id IS NOT NULL',
          [order.json.order_id],
        )
      ).rows[0],
  )
  return {
    patient,
    erasable,
    practitioner,
    driver: shipment.driver_id,
    drug: drug!,
    prescription: rx.json.prescription_id,
    order: order.json.order_id,
    shipment: shipment.shipment_id,
    zip,
  }
}

/** A 10-digit NPI with a valid check digit (Luhn over the 80840 prefix), random otherwise. */
function randomNpi(): string {
  for (;;) {
    const npi = `1${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`
    if (isValidNpi(npi)) return npi
  }
}

/** Whose resource a role's "own" caller is (others are made-up staff). */
const ownSub = (w: World, role: Role, key: string) =>
  role === 'patient'
    ? key === 'DELETE /patients/{patientId}'
      ? w.erasable
      : w.patient
    : role === 'practitioner'
      ? w.practitioner
      : role === 'driver'
        ? w.driver
        : randomUUID()

function urlOf(w: World, o: Op) {
  const key = `${o.method} ${o.path}`
  return o.path
    .replace('{patientId}', key === 'DELETE /patients/{patientId}' ? w.erasable : w.patient)
    .replace('{orderId}', w.order)
    .replace('{shipmentId}', w.shipment)
    .replace('{prescriptionId}', w.prescription)
    .replace('{drugId}', w.drug)
    .replace(/\{[^}]+\}/g, randomUUID())
}

/** Valid bodies where ownership is decided after validation; otherwise `{}` (a 400 is past authorisation). */
function bodyOf(w: World, o: Op): unknown {
  switch (`${o.method} ${o.path}`) {
    case 'POST /prescriptions/submit':
      return { patient_id: w.patient, drug_id: w.drug, dosage: '250 mg twice daily', quantity: 10, refill_count: 0, issue_date: today() }
    case 'POST /deliveries/{shipmentId}/status':
      return { status: 'out_for_delivery', location: { lat: w.zip.lat, lng: w.zip.lng }, occurred_at: new Date().toISOString() }
    case 'PUT /patients/{patientId}/consent':
      return { marketing: true }
    case 'POST /catalog/imports':
      return { force: 'not-a-boolean' } // authorised, but no 117k-drug import in a test
    default:
      return o.method === 'GET' || o.method === 'DELETE' ? undefined : {}
  }
}

/** Registers the matrix on the given backend. */
export function authorizationMatrix(backend: 'pglite' | 'postgres') {
  let rt: TestRuntime
  let ops: Op[]
  let world: World
  before(async () => {
    rt = await startTestRuntime({
      modules: modulesFor([...SERVICE_NAMES]),
      backend,
      env: { APOTHECA_DEMO: '1', APOTHECA_INTERNAL_SECRET: INTERNAL_SECRET },
    })
    const doc = (await rt.request('GET', '/openapi.json')).json
    ops = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      Object.entries<any>(item).map(([method, op]) => ({ method: method.toUpperCase(), path, access: op['x-access'] })),
    )
    // Reads first, erasure last: the calls that change things run after those that look.
    const rank = (m: string) => (m === 'GET' ? 0 : m === 'DELETE' ? 2 : 1)
    ops.sort((a, b) => rank(a.method) - rank(b.method) || a.path.localeCompare(b.path))
    world = await buildWorld(rt)
  })
  after(async () => {
    await rt?.close()
  })

  test('every operation the server publishes declares who may call it', () => {
    const undeclared = ops.filter((o) => !o.path.startsWith('/health') && !o.access).map((o) => `${o.method} ${o.path}`)
    assert.deepEqual(undeclared, [])
    assert.ok(ops.length > 30)
    for (const key of Object.keys(OWNED))
      assert.ok(
        ops.some((o) => `${o.method} ${o.path}` === key),
        `${key} is still served`,
      )
  })

  test('every route × every role × own and foreign resource', { timeout: 300_000 }, async () => {
    const failures: string[] = []
    const expect = (ok: boolean, what: string, r: { status: number; json: any }) => {
      if (!ok) failures.push(`${what} → ${r.status} ${JSON.stringify(r.json).slice(0, 140)}`)
    }
    let cells = 0
    for (const o of ops.filter((x) => x.access && 'roles' in x.access)) {
      const key = `${o.method} ${o.path}`
      const call = (token?: string) => {
        cells++
        return rt.request(o.method, urlOf(world, o), {
          ...(token ? { token } : {}),
          ...(bodyOf(world, o) !== undefined ? { body: bodyOf(world, o) } : {}),
          headers: { 'idempotency-key': randomUUID() },
        })
      }
      const anon = await call()
      expect(anon.status === 401, `${key} anonymous`, anon)
      for (const role of ROLES) {
        const declared = (o.access.roles as string[]).includes(role)
        const foreignStatus = OWNED[key]?.[role]
        // Someone else of the same role first, so the owner's own call (which may change the resource) comes after.
        const foreign = await call(await rt.token(role, { sub: randomUUID(), mfa: true }))
        if (!declared) {
          expect(foreign.status === 403 && foreign.json.type.endsWith('/forbidden'), `${key} as ${role} (undeclared)`, foreign)
          continue
        }
        if (foreignStatus === undefined) expect(foreign.status !== 401 && foreign.status !== 403, `${key} as another ${role}`, foreign)
        else expect(foreign.status === foreignStatus, `${key} as another ${role} (expected ${foreignStatus})`, foreign)
        const own = await call(await rt.token(role, { sub: ownSub(world, role, key), mfa: true }))
        expect(
          ![401, 403].includes(own.status) && (foreignStatus === undefined || own.status !== 404),
          `${key} as ${role} on their own`,
          own,
        )
        if (key === 'GET /patients/{patientId}/prescriptions' && role === 'practitioner') {
          expect(
            own.json.prescriptions?.some((p: any) => p.prescription_id === world.prescription),
            `${key}: the prescriber sees the prescription`,
            own,
          )
        }
        if (o.access.mfa) {
          const noMfa = await call(await rt.token(role, { sub: ownSub(world, role, key) }))
          expect(noMfa.status === 403 && noMfa.json.type.endsWith('/mfa-required'), `${key} as ${role} without a second factor`, noMfa)
        }
      }
    }
    assert.deepEqual(failures, [])
    assert.ok(cells > 250, `only ${cells} calls`)
  })

  test('public, internal and signed routes: who gets past the door', async () => {
    const failures: string[] = []
    const service = await internalTokens(INTERNAL_SECRET, 'orders').mint()
    const admin = await rt.token('admin', { mfa: true })
    for (const o of ops.filter((x) => x.access && !('roles' in x.access))) {
      const key = `${o.method} ${o.path}`
      const call = (token?: string) =>
        rt.request(o.method, urlOf(world, o), {
          ...(token ? { token } : {}),
          ...(bodyOf(world, o) !== undefined ? { body: bodyOf(world, o) } : {}),
        })
      if ('public' in o.access) {
        const r = await call()
        // A public webhook checks its provider's signature itself: refused as a bad signature, never for want of a token.
        if (r.status === 403 || (r.status === 401 && !r.json?.type?.endsWith('/invalid-signature')))
          failures.push(`${key} anonymous → ${r.status} ${r.json?.type}`)
      } else if ('internal' in o.access) {
        for (const [who, token] of [
          ['anonymous', undefined],
          ['an admin user', admin],
        ] as const) {
          const r = await call(token)
          if (r.status !== 401) failures.push(`${key} as ${who} → ${r.status}`)
        }
        const r = await call(service)
        if (r.status === 401 || r.status === 403) failures.push(`${key} as a service → ${r.status}`)
      } else if ('signed' in o.access) {
        for (const token of [undefined, admin]) {
          const r = await call(token)
          if (r.status !== 401) failures.push(`${key} unsigned → ${r.status}`)
        }
      } else failures.push(`${key}: unknown declaration ${JSON.stringify(o.access)}`)
    }
    assert.deepEqual(failures, [])
  })
}
