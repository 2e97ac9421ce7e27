import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { newPatient, outbox } from './helpers.ts'

let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [identity] })
})
after(async () => {
  await rt?.close()
})

const accounts = async () => Number((await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM identity.accounts`)).rows[0]!.n)

test('a patient registers: 201 with an id, and the registered event in the same transaction', async () => {
  const r = await rt.request('POST', '/patients/register', { body: newPatient() })
  assert.equal(r.status, 201)
  assert.match(r.json.patient_id, /^[0-9a-f-]{36}$/)
  assert.deepEqual(Object.keys(r.json), ['patient_id'])
  assert.deepEqual(await outbox(rt, r.json.patient_id), [
    { type: 'identity.patient.registered.v1', payload: { patient_id: r.json.patient_id } },
  ])
})

test('the same e-mail again, in any case, is a 409 problem and stores nothing', async () => {
  const body = newPatient()
  assert.equal((await rt.request('POST', '/patients/register', { body })).status, 201)
  const before = await accounts()
  for (const email of [body.email, body.email.toUpperCase()]) {
    const r = await rt.request('POST', '/patients/register', { body: { ...body, email } })
    assert.equal(r.status, 409)
    assert.match(String(r.headers['content-type']), /application\/problem\+json/)
    assert.match(r.json.type, /email-taken/)
  }
  assert.equal(await accounts(), before)
})

const invalid: Array<[string, (b: any) => any, string]> = [
  ['no date of birth', ({ date_of_birth: _, ...b }) => b, 'body.date_of_birth'],
  ['a date of birth that does not exist', (b) => ({ ...b, date_of_birth: '1985-02-30' }), 'body.date_of_birth'],
  ['a date of birth in the future', (b) => ({ ...b, date_of_birth: '2999-01-01' }), 'body.date_of_birth'],
  ['a date of birth 140 years ago', (b) => ({ ...b, date_of_birth: `${new Date().getUTCFullYear() - 140}-01-01` }), 'body.date_of_birth'],
  ['a malformed e-mail', (b) => ({ ...b, email: 'ada-at-example.test' }), 'body.email'],
  ['a phone number that is not E.164', (b) => ({ ...b, phone: '(212) 555-0123' }), 'body.phone'],
  ['a short password', (b) => ({ ...b, password: 'Short-pw-1' }), 'body.password'],
  ['a common password', (b) => ({ ...b, password: 'password1234' }), 'body.password'],
  ['an unknown US state', (b) => ({ ...b, address: { ...b.address, state: 'XX' } }), 'body.address.state'],
  ['a US ZIP code of 4 digits', (b) => ({ ...b, address: { ...b.address, postal_code: '1011' } }), 'body.address.postal_code'],
  ['a missing city', (b) => ({ ...b, address: { ...b.address, city: undefined } }), 'body.address.city'],
  ['a country that is not a code', (b) => ({ ...b, address: { ...b.address, country: 'USA' } }), 'body.address.country'],
  ['an unknown field', (b) => ({ ...b, ssn: '078-05-1120' }), 'body'],
  ['an unknown address field', (b) => ({ ...b, address: { ...b.address, county: 'New York' } }), 'body.address'],
]

for (const [what, change, field] of invalid) {
  test(`${what} is a 400 problem naming ${field}, and nothing is stored`, async () => {
    const before = await accounts()
    const r = await rt.request('POST', '/patients/register', { body: change(newPatient()) })
    assert.equal(r.status, 400, JSON.stringify(r.json))
    assert.match(String(r.headers['content-type']), /application\/problem\+json/)
    assert.ok(
      r.json.errors.some((e: any) => e.field === field),
      `${field} not in ${JSON.stringify(r.json.errors)}`,
    )
    assert.equal(await accounts(), before)
  })
}

test('a NUL in the name, or in any text of the registration, is a 400 naming the field, and nothing is stored', async () => {
  const before = await accounts()
  const events = async () =>
    Number(
      (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM identity.outbox WHERE type = 'identity.patient.registered.v1'`))
        .rows[0]!.n,
    )
  const eventsBefore = await events()
  const p = newPatient()
  for (const [body, field] of [
    [{ ...p, name: 'Ada\u0000Lovelace' }, 'body.name'],
    [{ ...p, name: '\u0000' }, 'body.name'],
    [{ ...p, address: { ...p.address, line2: 'Apt\u00004' } }, 'body.address.line2'],
  ] as const) {
    const r = await rt.request('POST', '/patients/register', { body })
    assert.equal(r.status, 400, JSON.stringify(r.json))
    assert.match(r.json.type, /\/validation$/)
    assert.ok(
      r.json.errors.some((e: any) => e.field === field),
      `${field} not in ${JSON.stringify(r.json.errors)}`,
    )
  }
  assert.equal(await accounts(), before)
  assert.equal(await events(), eventsBefore)
  const login = await rt.request('POST', '/auth/login', { body: { email: p.email, password: p.password } })
  assert.equal(login.status, 401, 'no account was made with that e-mail')
})

test('the problem for an unknown field names it, and the problem never echoes the password', async () => {
  const body = { ...newPatient(), ssn: '078-05-1120', password: 'Tr0ub4dor&3' }
  const r = await rt.request('POST', '/patients/register', { body })
  assert.equal(r.status, 400)
  assert.match(JSON.stringify(r.json), /ssn/)
  assert.doesNotMatch(JSON.stringify(r.json), /Tr0ub4dor/)
})

test('outside the US, any state and postal code are taken; US ZIP+4 is normalised', async () => {
  const uk = newPatient({
    phone: '+447911123456',
    address: { line1: '221B Baker Street', city: 'London', state: 'Greater London', postal_code: 'NW1 6XE', country: 'gb' },
  })
  assert.equal((await rt.request('POST', '/patients/register', { body: uk })).status, 201)
  const zip9 = newPatient({
    address: { line1: '350 Fifth Avenue', line2: 'Suite 3300', city: 'New York', state: 'ny', postal_code: '101180110', country: 'US' },
  })
  assert.equal((await rt.request('POST', '/patients/register', { body: zip9 })).status, 201)
})

test('a retried registration with the same Idempotency-Key answers the first result', async () => {
  const body = newPatient()
  const headers = { 'idempotency-key': randomUUID() }
  const a = await rt.request('POST', '/patients/register', { body, headers })
  const b = await rt.request('POST', '/patients/register', { body, headers })
  assert.equal(a.status, 201)
  assert.equal(b.status, 201)
  assert.equal(b.json.patient_id, a.json.patient_id)
  const other = await rt.request('POST', '/patients/register', { body: newPatient(), headers })
  assert.equal(other.status, 422)
})
