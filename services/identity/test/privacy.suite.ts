import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { InternalPatient } from '@apotheca/contracts'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { internalToken, login, outbox, registered } from './helpers.ts'

/** Registers the privacy tests (no plaintext, export, erasure, logs) on the given backend. */
export function privacySuite(backend: 'pglite' | 'postgres') {
  let rt: TestRuntime
  before(async () => {
    rt = await startTestRuntime({ modules: [identity], backend, captureLogs: true })
  })
  after(async () => {
    await rt?.close()
  })

  const exportOf = (id: string, token: string, accept?: string) =>
    rt.request('GET', `/patients/${id}/export`, { token, ...(accept ? { headers: { accept } } : {}) })

  /** Every value of every text, varchar and jsonb column of every identity table, as text. */
  async function everyStoredText(): Promise<string[]> {
    const { rows: cols } = await rt.db.query<{
      table_name: string
      column_name: string
    }>(/* sql */ `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'identity' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`)
    assert.ok(cols.some((c) => c.table_name === 'accounts') && cols.some((c) => c.table_name === 'patients'))
    const values: string[] = []
    for (const c of cols) {
      const { rows } = await rt.db.query<{ v: string | null }>(`SELECT "${c.column_name}"::text AS v FROM identity."${c.table_name}"`)
      for (const r of rows) if (r.v !== null) values.push(r.v)
    }
    return values
  }

  test("no identity table holds a patient's name, e-mail, phone, date of birth, address or password in the clear", async () => {
    const p = await registered(rt, {
      address: {
        line1: `${randomUUID().slice(0, 8)} Madison Avenue`,
        line2: 'Apartment 12B',
        city: 'New York',
        state: 'NY',
        postal_code: '10118',
        country: 'US',
      },
    })
    const token = await login(rt, p.body.email, p.body.password)
    assert.equal((await exportOf(p.id, token)).status, 200)
    assert.equal((await rt.request('GET', `/internal/patients/${p.id}`, { token: await internalToken(rt) })).status, 200)
    const needles = [
      p.body.name,
      p.body.email,
      p.body.phone,
      p.body.phone.slice(1),
      p.body.date_of_birth,
      p.body.address.line1,
      'Apartment 12B',
      'New York',
      p.body.password,
    ]
    const stored = await everyStoredText()
    for (const needle of needles) {
      const hit = stored.find((v) => v.toLowerCase().includes(needle.toLowerCase()))
      assert.equal(hit, undefined, `found "${needle}" in the clear`)
    }
    const { rows } = await rt.db.query<any>(
      `SELECT a.wrapped_dek, a.contact_sealed, a.email_index, p.profile_sealed FROM identity.accounts a JOIN identity.patients p ON p.patient_id = a.account_id WHERE a.account_id = $1`,
      [p.id],
    )
    assert.match(rows[0].wrapped_dek, /^v1\./)
    assert.match(rows[0].contact_sealed, /^v1\./)
    assert.match(rows[0].profile_sealed, /^v1\./)
    assert.match(rows[0].email_index, /^[0-9a-f]{64}$/)
  })

  test("the export holds the patient's data as registered, and the read is audited", async () => {
    const p = await registered(rt, { consent: { sms: true } })
    const token = await login(rt, p.body.email, p.body.password)
    const r = await exportOf(p.id, token)
    assert.equal(r.status, 200)
    assert.equal(r.headers['cache-control'], 'no-store')
    const { name, date_of_birth, email, phone, address } = p.body
    assert.deepEqual(
      { ...r.json, exported_at: undefined, account: undefined },
      {
        patient_id: p.id,
        name,
        date_of_birth,
        email,
        phone,
        address: { ...address, line2: null },
        consent: { email: true, sms: true },
        exported_at: undefined,
        account: undefined,
      },
    )
    assert.equal(r.json.account.role, 'patient')
    const accessed = (await outbox(rt, p.id)).filter((e) => e.type === 'identity.patient.accessed.v1')
    assert.deepEqual(
      accessed.map((e) => e.payload),
      [{ patient_id: p.id, actor_id: p.id, purpose: 'export' }],
    )
  })

  test('with Accept: application/fhir+json the export is a FHIR R4 Bundle holding the Patient', async () => {
    const p = await registered(rt)
    const token = await login(rt, p.body.email, p.body.password)
    const r = await exportOf(p.id, token, 'application/fhir+json')
    assert.equal(r.status, 200)
    assert.match(String(r.headers['content-type']), /^application\/fhir\+json/)
    assert.equal(r.json.resourceType, 'Bundle')
    assert.equal(r.json.type, 'collection')
    const patient = r.json.entry[0].resource
    assert.equal(patient.resourceType, 'Patient')
    assert.equal(patient.id, p.id)
    assert.equal(patient.birthDate, p.body.date_of_birth)
    assert.equal(patient.name[0].text, p.body.name)
    assert.deepEqual(
      patient.telecom.map((t: any) => t.value),
      [p.body.phone, p.body.email],
    )
    assert.equal(patient.address[0].postalCode, '10118')
  })

  test('a patient cannot export or erase another patient: 404, as if there were none', async () => {
    const ada = await registered(rt)
    const eve = await registered(rt)
    const token = await login(rt, eve.body.email, eve.body.password)
    const r = await exportOf(ada.id, token)
    assert.equal(r.status, 404)
    const { instance: _a, ...forAda } = r.json
    const { instance: _b, ...forNobody } = (await exportOf(randomUUID(), token)).json
    assert.deepEqual(forAda, forNobody)
    assert.equal((await rt.request('DELETE', `/patients/${ada.id}`, { token })).status, 404)
    assert.equal((await exportOf('not-a-uuid', token)).status, 400)
    assert.equal((await exportOf(ada.id, '')).status, 401)
  })

  test("other services read a patient's contact through /internal, and only they may", async () => {
    const p = await registered(rt, { consent: { email: false } })
    const internal = await internalToken(rt)
    const r = await rt.request('GET', `/internal/patients/${p.id}`, { token: internal })
    assert.equal(r.status, 200)
    const parsed = InternalPatient.parse(r.json)
    assert.deepEqual(parsed, {
      patient_id: p.id,
      status: 'active',
      name: p.body.name,
      email: p.body.email,
      phone: p.body.phone,
      address: { ...p.body.address, line2: null },
      consent: { email: false, sms: false },
    })
    const patient = await login(rt, p.body.email, p.body.password)
    assert.equal((await rt.request('GET', `/internal/patients/${p.id}`, { token: patient })).status, 401)
    assert.equal((await rt.request('GET', `/internal/patients/${randomUUID()}`, { token: internal })).status, 404)
    const reads = (await outbox(rt, p.id)).filter((e) => e.type === 'identity.patient.accessed.v1')
    assert.deepEqual(
      reads.map((e) => e.payload),
      [{ patient_id: p.id, actor_id: 'service:delivery', purpose: 'internal' }],
    )
  })

  test('erasure shreds the data key: the data is unreadable, sign-in fails like an unknown e-mail, the event is published once', async () => {
    const p = await registered(rt)
    const token = await login(rt, p.body.email, p.body.password)
    const r = await rt.request('DELETE', `/patients/${p.id}`, { token })
    assert.equal(r.status, 202)
    assert.equal(r.json.status, 'erased')

    const { rows } = await rt.db.query<any>(
      `SELECT a.status, a.wrapped_dek, a.email_index, a.password_hash, a.contact_sealed, p.profile_sealed FROM identity.accounts a JOIN identity.patients p ON p.patient_id = a.account_id WHERE a.account_id = $1`,
      [p.id],
    )
    assert.deepEqual(rows[0], {
      status: 'erased',
      wrapped_dek: null,
      email_index: null,
      password_hash: null,
      contact_sealed: null,
      profile_sealed: null,
    })

    const signIn = await rt.request('POST', '/auth/login', { body: { email: p.body.email, password: p.body.password } })
    const unknown = await rt.request('POST', '/auth/login', {
      body: { email: `nobody.${randomUUID()}@example.test`, password: p.body.password },
    })
    assert.equal(signIn.status, 401)
    assert.deepEqual(signIn.json, unknown.json)

    const internal = await rt.request('GET', `/internal/patients/${p.id}`, { token: await internalToken(rt) })
    assert.deepEqual(internal.json, {
      patient_id: p.id,
      status: 'erased',
      name: null,
      email: null,
      phone: null,
      address: null,
      consent: { email: false, sms: false },
    })
    assert.equal((await exportOf(p.id, token)).status, 404)

    assert.equal((await rt.request('DELETE', `/patients/${p.id}`, { token })).status, 202)
    const erased = (await outbox(rt, p.id)).filter((e) => e.type === 'identity.patient.erased.v1')
    assert.deepEqual(
      erased.map((e) => e.payload),
      [{ patient_id: p.id }],
    )

    const again = await rt.request('POST', '/patients/register', { body: p.body })
    assert.equal(again.status, 201, 'the e-mail is free again')
    assert.notEqual(again.json.patient_id, p.id)
  })

  test('the logs carry ids, never names, e-mails, phones, passwords or tokens', async () => {
    const p = await registered(rt)
    const token = await login(rt, p.body.email, p.body.password)
    await exportOf(p.id, token)
    await rt.request('POST', '/auth/login', { body: { email: p.body.email, password: 'Wrong-Password-123' } })
    await rt.request('POST', '/patients/register', { body: { ...p.body, phone: 'bad' } })
    const logs = rt.logs()
    assert.match(logs, new RegExp(p.id), 'the logs should name the patient by id')
    for (const secret of [
      p.body.name,
      p.body.email,
      p.body.phone,
      p.body.password,
      'Wrong-Password-123',
      p.body.address.line1,
      token,
      token.split('.')[2]!,
    ]) {
      assert.ok(!logs.includes(secret), `the logs hold "${secret.slice(0, 20)}…"`)
    }
  })
}
