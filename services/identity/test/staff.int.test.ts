import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { decodeJwt } from 'jose'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { DEMO_TOTP_SECRET, totpCode } from '../src/domain/totp.ts'
import { identityReplica, internalToken, login, outbox, registered } from './helpers.ts'

const DEMO = {
  admin: ['admin@demo.apotheca.test', 'Demo-Admin-2026!'],
  pharmacist: ['pharmacist@demo.apotheca.test', 'Demo-Pharmacist-2026!'],
  practitioner: ['practitioner@demo.apotheca.test', 'Demo-Practitioner-2026!'],
  driver: ['driver@demo.apotheca.test', 'Demo-Driver-2026!'],
  patient: ['patient@demo.apotheca.test', 'Demo-Patient-2026!'],
} as const

let rt: TestRuntime
let admin: string
before(async () => {
  rt = await startTestRuntime({ modules: [identity], env: { APOTHECA_DEMO: '1' } })
  admin = await login(rt, ...DEMO.admin, DEMO_TOTP_SECRET)
})
after(async () => {
  await rt?.close()
})

const createStaff = (body: Record<string, unknown>, token = admin) => rt.request('POST', '/staff', { token, body })
const staffBody = (role: string, extra: Record<string, unknown> = {}) => ({
  email: `${role}.${randomUUID().slice(0, 8)}@staff.example.test`,
  password: 'Staff-Password-2026',
  name: `New ${role}`,
  role,
  ...extra,
})

test('the demo seed is idempotent: five accounts, one event each, however often it runs', async () => {
  const replica = await identityReplica(rt)
  await replica.seedDemo!()
  await replica.seedDemo!()
  const { rows } = await rt.db.query<{ role: string }>(`SELECT role FROM identity.accounts ORDER BY role`)
  assert.deepEqual(
    rows.map((r) => r.role),
    ['admin', 'driver', 'patient', 'pharmacist', 'practitioner'],
  )
  const { rows: events } = await rt.db.query<{ type: string; payload: any }>(
    `SELECT type, payload FROM identity.outbox WHERE type IN ('identity.account.created.v1', 'identity.patient.registered.v1')`,
  )
  assert.equal(events.filter((e) => e.type === 'identity.patient.registered.v1').length, 1)
  assert.deepEqual(
    events
      .filter((e) => e.type === 'identity.account.created.v1')
      .map((e) => e.payload.role)
      .sort(),
    ['admin', 'driver', 'pharmacist', 'practitioner'],
  )
  const { rows: prescribers } = await rt.db.query(`SELECT npi, dea_number, licence_state FROM identity.practitioners`)
  assert.deepEqual(prescribers, [{ npi: '1234567893', dea_number: 'BH1234563', licence_state: 'NY' }])
})

test('the demo accounts sign in as API.md says: admin and pharmacist with their TOTP code, the others with the password', async () => {
  for (const role of ['admin', 'pharmacist'] as const) {
    const [email, password] = DEMO[role]
    const r = await rt.request('POST', '/auth/login', { body: { email, password } })
    assert.equal(r.json.mfa_required, true, role)
    const claims = decodeJwt(await login(rt, email, password, DEMO_TOTP_SECRET))
    assert.deepEqual([claims.role, claims.amr], [role, ['pwd', 'otp']])
  }
  for (const role of ['practitioner', 'driver', 'patient'] as const) {
    const [email, password] = DEMO[role]
    const claims = decodeJwt(await login(rt, email, password))
    assert.deepEqual([claims.role, claims.amr], [role, ['pwd']])
  }
})

test('the demo patient lives in New York 10118, and an administrator with MFA may export them', async () => {
  const patientId = decodeJwt(await login(rt, ...DEMO.patient)).sub!
  const r = await rt.request('GET', `/patients/${patientId}/export`, { token: admin })
  assert.equal(r.status, 200)
  assert.deepEqual([r.json.address.city, r.json.address.state, r.json.address.postal_code], ['New York', 'NY', '10118'])
})

/** Signs in a new staff account that must enrol a second factor: enrolment token → secret → first code → access token. */
async function enrolAtSignIn(email: string, password: string) {
  const r = await rt.request('POST', '/auth/login', { body: { email, password } })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.mfa_enrolment_required, true)
  assert.equal(r.json.access_token, undefined, 'no access token on a password alone')
  const start = await rt.request('POST', '/auth/mfa/enrol', { body: { enrolment_token: r.json.enrolment_token } })
  assert.equal(start.status, 201, JSON.stringify(start.json))
  const done = await rt.request('POST', '/auth/mfa/enrol/activate', {
    body: { enrolment_token: r.json.enrolment_token, code: totpCode(start.json.secret) },
  })
  assert.equal(done.status, 200, JSON.stringify(done.json))
  assert.equal(done.json.recovery_codes.length, 10)
  return { token: done.json.access_token as string, secret: start.json.secret as string, enrolmentToken: r.json.enrolment_token as string }
}

test('an administrator with MFA creates staff accounts, each announced with its role', async () => {
  for (const role of ['pharmacist', 'technician', 'driver', 'admin', 'auditor']) {
    const body = staffBody(role)
    const r = await createStaff(body)
    assert.equal(r.status, 201, JSON.stringify(r.json))
    assert.deepEqual(await outbox(rt, r.json.account_id), [
      { type: 'identity.account.created.v1', payload: { account_id: r.json.account_id, role } },
    ])
    const secondFactor = ['pharmacist', 'technician', 'admin'].includes(role)
    const claims = decodeJwt(
      secondFactor ? (await enrolAtSignIn(body.email, body.password)).token : await login(rt, body.email, body.password),
    )
    assert.deepEqual([claims.sub, claims.role, claims.amr], [r.json.account_id, role, secondFactor ? ['pwd', 'otp'] : ['pwd']])
  }
})

test('pharmacists, technicians and admins get no access token until they enrol a second factor; then every sign-in asks for it', async () => {
  const body = staffBody('pharmacist')
  assert.equal((await createStaff(body)).status, 201)
  const first = await rt.request('POST', '/auth/login', { body: { email: body.email, password: body.password } })
  const enrolment = first.json.enrolment_token as string
  assert.equal(
    (await rt.request('GET', '/patients/00000000-0000-4000-8000-000000000000/export', { token: enrolment })).status,
    401,
    'an enrolment token is not an access token',
  )
  assert.equal((await rt.request('POST', '/auth/mfa/enrol', { body: { enrolment_token: admin } })).status, 401, 'nor the reverse')
  assert.equal((await rt.request('POST', '/auth/mfa/enrol', { body: { enrolment_token: 'garbage' } })).status, 401)
  const start = await rt.request('POST', '/auth/mfa/enrol', { body: { enrolment_token: enrolment } })
  const wrong = await rt.request('POST', '/auth/mfa/enrol/activate', {
    body: { enrolment_token: enrolment, code: totpCode(start.json.secret, Date.now() - 300_000) },
  })
  assert.deepEqual([wrong.status, wrong.json.type], [422, 'https://apotheca.dev/problems/invalid-code'])
  assert.equal((await rt.request('POST', '/auth/mfa/enrol/activate', { body: { enrolment_token: enrolment, code: 'abc' } })).status, 400)
  const done = await rt.request('POST', '/auth/mfa/enrol/activate', {
    body: { enrolment_token: enrolment, code: totpCode(start.json.secret) },
  })
  assert.equal(done.status, 200)
  const again = await rt.request('POST', '/auth/mfa/enrol/activate', {
    body: { enrolment_token: enrolment, code: totpCode(start.json.secret, Date.now() + 30_000) },
  })
  assert.equal(again.status, 409, 'enrolled once: the token cannot replace the factor')
  const later = await rt.request('POST', '/auth/login', { body: { email: body.email, password: body.password } })
  assert.equal(later.json.mfa_required, true)
  const m = await rt.request('POST', '/auth/mfa/verify', {
    body: { mfa_token: later.json.mfa_token, code: totpCode(start.json.secret, Date.now() + 30_000) },
  })
  assert.deepEqual(decodeJwt(m.json.access_token).amr, ['pwd', 'otp'], 'the next code (the enrolment spent this one)')
})

test('a practitioner needs a valid NPI and licence state; the DEA number is optional but checked', async () => {
  const ok = await createStaff(staffBody('practitioner', { npi: '1234567893', licence_state: 'ca', dea_number: 'ab1234563' }))
  assert.equal(ok.status, 409, 'the demo practitioner already holds this NPI')
  assert.match(ok.json.type, /npi-taken/)
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ licence_state: 'NY' }, 'body.npi'],
    [{ npi: '1234567890', licence_state: 'NY' }, 'body.npi'],
    [{ npi: '1245319599' }, 'body.licence_state'],
    [{ npi: '1245319599', licence_state: 'ZZ' }, 'body.licence_state'],
    [{ npi: '1245319599', licence_state: 'NY', dea_number: 'BH1234564' }, 'body.dea_number'],
  ]
  for (const [extra, field] of cases) {
    const r = await createStaff(staffBody('practitioner', extra))
    assert.equal(r.status, 400, JSON.stringify(extra))
    assert.ok(
      r.json.errors.some((e: any) => e.field === field),
      `${field} not in ${JSON.stringify(r.json.errors)}`,
    )
  }
  const created = await createStaff(staffBody('practitioner', { npi: '1245319599', licence_state: 'NY', dea_number: 'AB1234563' }))
  assert.equal(created.status, 201, JSON.stringify(created.json))
  const driver = await createStaff(staffBody('driver', { npi: '1245319599' }))
  assert.equal(driver.status, 400)
  assert.equal(driver.json.errors[0].field, 'body.npi')
})

test('a NUL in a staff name is a 400 naming the field, and no account is made', async () => {
  const count = async () => Number((await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM identity.accounts`)).rows[0]!.n)
  const before = await count()
  for (const body of [
    staffBody('driver', { name: 'Dana\u0000Driver' }),
    staffBody('practitioner', { name: 'Dr\u0000Who', npi: '1245319599', licence_state: 'NY' }),
  ]) {
    const r = await createStaff(body)
    assert.equal(r.status, 400, JSON.stringify(r.json))
    assert.match(r.json.type, /\/validation$/)
    assert.equal(r.json.errors[0].field, 'body.name')
    const login = await rt.request('POST', '/auth/login', { body: { email: body.email, password: body.password } })
    assert.equal(login.status, 401, 'no account was made with that e-mail')
  }
  assert.equal(await count(), before)
})

test('staff creation refuses patients as a role, taken e-mails, and callers without admin and MFA', async () => {
  assert.equal((await createStaff(staffBody('patient'))).status, 400)
  assert.equal((await createStaff({ ...staffBody('driver'), email: DEMO.driver[0] })).status, 409)
  const pharmacist = await login(rt, ...DEMO.pharmacist, DEMO_TOTP_SECRET)
  assert.equal((await createStaff(staffBody('driver'), pharmacist)).status, 403)
  const passwordOnly = await rt.token('admin') // an admin token without the second factor (an OIDC provider may issue one)
  const r = await createStaff(staffBody('driver'), passwordOnly)
  assert.equal(r.status, 403)
  assert.match(r.json.type, /mfa-required/)
  const p = await registered(rt)
  assert.equal(
    (await rt.request('GET', `/patients/${p.id}/export`, { token: passwordOnly })).status,
    403,
    'PHI needs an admin with MFA too',
  )
})

test('other services read a prescriber by account id through /internal; no one else may, and a non-prescriber is 404', async () => {
  const practitionerId = decodeJwt(await login(rt, ...DEMO.practitioner)).sub!
  const r = await rt.request('GET', `/internal/practitioners/${practitionerId}`, { token: await internalToken(rt, 'prescriptions') })
  assert.equal(r.status, 200)
  assert.deepEqual(r.json, {
    practitioner_id: practitionerId,
    npi: '1234567893',
    dea_number: 'BH1234563',
    licence_state: 'NY',
    status: 'active',
  })
  const driverId = decodeJwt(await login(rt, ...DEMO.driver)).sub!
  assert.equal(
    (await rt.request('GET', `/internal/practitioners/${driverId}`, { token: await internalToken(rt, 'prescriptions') })).status,
    404,
  )
  assert.equal((await rt.request('GET', `/internal/practitioners/${practitionerId}`, { token: admin })).status, 401)
})
