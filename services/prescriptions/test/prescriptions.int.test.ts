import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createPublicKey, randomUUID } from 'node:crypto'
import { InternalPrescription } from '@apotheca/contracts'
import { createPublisher, verifyCanonical } from '@apotheca/kernel'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { findPrescription } from '../src/db/prescription.repository.ts'
import { signedForm } from '../src/domain/signed-form.ts'
import { addMonths } from '../src/domain/prescription-rules.ts'
import { expirePrescriptions } from '../src/application/expire-prescriptions.ts'
import { DRUGS, FAILING_DRUG_ID, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { internalToken, isoDay, outboxTypes, reviewed, staleMfaToken, startWithFakeCatalog } from './helpers.ts'

let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const rx = (patientId: string, o: Record<string, unknown> = {}) => ({
  patient_id: patientId,
  drug_id: DRUGS.amoxicillin.drug_id,
  dosage: '500 mg three times daily for 10 days',
  quantity: 30,
  refill_count: 1,
  issue_date: isoDay(),
  ...o,
})

/** Submits (by the known doctor unless another token is given) and waits for the automated review of what was taken. */
async function submit(body: unknown, token?: string) {
  const r = await rt.request('POST', '/prescriptions/submit', {
    token: token ?? (await rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id })),
    body,
  })
  if (r.status === 201) r.json.reviewed = await reviewed(rt, r.json.prescription_id)
  return r
}

test('a practitioner submits: received at once, then the review consumer moves it validating → in_review; events in the outbox', async () => {
  const patient = randomUUID()
  const r = await submit(rx(patient))
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.status, 'received', 'the answer does not wait for the review')
  assert.equal(r.json.reviewed, 'in_review')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('patient', { sub: patient }) })
  assert.equal(list.status, 200)
  assert.equal(list.json.total, 1)
  const p = list.json.prescriptions[0]
  assert.equal(p.prescription_id, r.json.prescription_id)
  assert.equal(p.refills_remaining, 1)
  assert.equal(p.expiry_date, addMonths(isoDay(), 12), 'default expiry: one year')
  assert.deepEqual(
    p.history.map((h: any) => [h.from, h.to]),
    [
      [null, 'received'],
      ['received', 'validating'],
      ['validating', 'in_review'],
    ],
  )
  assert.deepEqual(p.findings, [], 'a known prescriber, no other medicines: nothing found')
  assert.deepEqual(await outboxTypes(rt, r.json.prescription_id), [
    'prescriptions.prescription.received.v1',
    'prescriptions.prescription.review_requested.v1',
    'prescriptions.prescription.status_changed.v1',
    'prescriptions.prescription.status_changed.v1',
  ])
})

test('the rules refuse bad input with a problem naming the field, and nothing is stored', async () => {
  const patient = randomUUID()
  const cases: Array<[Record<string, unknown>, number, string]> = [
    [{ issue_date: isoDay(2) }, 422, 'body.issue_date'],
    [{ expiry_date: isoDay(-1) }, 422, 'body.expiry_date'],
    [{ quantity: 0 }, 400, 'body.quantity'],
    [{ refill_count: 12 }, 400, 'body.refill_count'],
    [{ drug_id: DRUGS.oxycodone.drug_id, refill_count: 1 }, 422, 'body.refill_count'],
    [{ drug_id: randomUUID() }, 422, 'body.drug_id'],
    [{ issue_date: 'yesterday' }, 400, 'body.issue_date'],
  ]
  for (const [change, status, field] of cases) {
    const r = await submit(rx(patient, change))
    assert.equal(r.status, status, `${JSON.stringify(change)} → ${JSON.stringify(r.json)}`)
    assert.match(String(r.headers['content-type']), /application\/problem\+json/)
    assert.ok(
      r.json.errors.some((e: any) => e.field === field),
      JSON.stringify(r.json),
    )
  }
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.equal(list.json.total, 0)
})

test('when the catalog fails the prescription is still taken, unconfirmed, into the pharmacist queue', async () => {
  const r = await submit(rx(randomUUID(), { drug_id: FAILING_DRUG_ID }))
  assert.equal(r.status, 201)
  assert.equal(r.json.reviewed, 'in_review')
  const q = await rt.request('GET', '/prescriptions/queue?limit=100', { token: await rt.token('pharmacist') })
  const item = q.json.prescriptions.find((p: any) => p.prescription_id === r.json.prescription_id)
  assert.equal(item.drug_confirmed, false)
  assert.match(item.review_notes.join(' '), /catalog unavailable/)
  const approve = await rt.request('POST', `/prescriptions/${r.json.prescription_id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(approve.status, 409, 'an unconfirmed drug cannot be approved while the catalog is down')
  assert.equal(approve.json.type, 'https://apotheca.dev/problems/drug-unconfirmed')
})

test('who sees what: the patient their own, another patient 404, the prescriber theirs, staff all', async () => {
  const patient = randomUUID()
  const doctor = randomUUID()
  const mine = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: doctor }),
    body: rx(patient),
  })
  await submit(rx(patient))
  const url = `/patients/${patient}/prescriptions`
  assert.equal((await rt.request('GET', url, { token: await rt.token('patient', { sub: patient }) })).json.total, 2)
  const other = await rt.request('GET', url, { token: await rt.token('patient') })
  assert.equal(other.status, 404)
  assert.match(String(other.headers['content-type']), /application\/problem\+json/)
  const byDoctor = await rt.request('GET', url, { token: await rt.token('practitioner', { sub: doctor }) })
  assert.deepEqual(
    byDoctor.json.prescriptions.map((p: any) => p.prescription_id),
    [mine.json.prescription_id],
  )
  assert.equal((await rt.request('GET', url, { token: await rt.token('technician') })).json.total, 2)
  assert.equal((await rt.request('GET', url, { token: await rt.token('driver') })).status, 403)
  assert.equal((await rt.request('GET', url)).status, 401)
  const filtered = await rt.request('GET', `${url}?status=verified&limit=1`, { token: await rt.token('admin') })
  assert.equal(filtered.json.total, 0)
})

test('one prescription by its id, as the list shows it: the patient their own, the prescriber theirs, staff any, others 404', async () => {
  const patient = randomUUID()
  const doctor = randomUUID()
  const r = await rt.request('POST', '/prescriptions/submit', { token: await rt.token('practitioner', { sub: doctor }), body: rx(patient) })
  assert.equal(r.status, 201)
  const id = r.json.prescription_id as string
  await reviewed(rt, id)
  const url = `/prescriptions/${id}`
  const own = await rt.request('GET', url, { token: await rt.token('patient', { sub: patient }) })
  assert.equal(own.status, 200, JSON.stringify(own.json))
  const listed = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.deepEqual(own.json, listed.json.prescriptions[0], 'the same as the list item')
  // A prescriber identity does not know is rejected by the review: its history says so.
  assert.deepEqual(
    own.json.history.map((h: any) => h.to),
    ['received', 'validating', 'rejected'],
  )
  assert.equal((await rt.request('GET', url, { token: await rt.token('practitioner', { sub: doctor }) })).status, 200)
  assert.equal((await rt.request('GET', url, { token: await rt.token('technician') })).status, 200)
  for (const role of ['patient', 'practitioner'] as const)
    assert.equal((await rt.request('GET', url, { token: await rt.token(role) })).status, 404, `another ${role}`)
  assert.equal((await rt.request('GET', `/prescriptions/${randomUUID()}`, { token: await rt.token('admin') })).status, 404)
  assert.equal((await rt.request('GET', url, { token: await rt.token('driver') })).status, 403)
  assert.equal((await rt.request('GET', url)).status, 401)
  // The static routes beside it are still theirs.
  assert.equal((await rt.request('GET', '/prescriptions/queue', { token: await rt.token('pharmacist') })).status, 200)
  assert.equal((await rt.request('GET', '/prescriptions/signing-keys')).status, 200)
})

test('a patient uploads only their own prescription', async () => {
  const patient = randomUUID()
  const own = await submit(rx(patient), await rt.token('patient', { sub: patient }))
  assert.equal(own.status, 201)
  assert.equal((await submit(rx(randomUUID()), await rt.token('patient', { sub: patient }))).status, 403)
})

test('the same Idempotency-Key replays the first answer; a different body with it is a 422', async () => {
  const token = await rt.token('practitioner')
  const body = rx(randomUUID())
  const headers = { 'idempotency-key': randomUUID() }
  const a = await rt.request('POST', '/prescriptions/submit', { token, body, headers })
  const b = await rt.request('POST', '/prescriptions/submit', { token, body, headers })
  assert.equal(b.json.prescription_id, a.json.prescription_id)
  const c = await rt.request('POST', '/prescriptions/submit', { token, body: { ...body, quantity: 31 }, headers })
  assert.equal(c.status, 422)
})

test('verification needs a pharmacist with a second factor; approve signs, twice is a 409', async () => {
  const r = await submit(rx(randomUUID()))
  const url = `/prescriptions/${r.json.prescription_id}/verify`
  assert.equal(
    (await rt.request('POST', url, { token: await rt.token('practitioner', { mfa: true }), body: { decision: 'approve' } })).status,
    403,
  )
  const noOtp = await rt.request('POST', url, { token: await rt.token('pharmacist'), body: { decision: 'approve' } })
  assert.equal(noOtp.status, 403)
  assert.equal(noOtp.json.type, 'https://apotheca.dev/problems/mfa-required')
  const pharmacist = await rt.token('pharmacist', { mfa: true })
  const ok = await rt.request('POST', url, { token: pharmacist, body: { decision: 'approve' } })
  assert.equal(ok.status, 200, JSON.stringify(ok.json))
  assert.equal(ok.json.status, 'verified')
  const again = await rt.request('POST', url, { token: pharmacist, body: { decision: 'approve' } })
  assert.equal(again.status, 409)
  assert.equal(
    (await rt.request('POST', `/prescriptions/${randomUUID()}/verify`, { token: pharmacist, body: { decision: 'approve' } })).status,
    404,
  )
})

test('the signature verifies with the published key, and any later change to the prescription breaks it', async () => {
  const r = await submit(rx(randomUUID()))
  const id = r.json.prescription_id
  await rt.request('POST', `/prescriptions/${id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  const keys = await rt.request('GET', '/prescriptions/signing-keys')
  const row = (await findPrescription(rt.db, id))!
  const key = keys.json.keys.find((k: any) => k.key_id === row.signing_key_id)
  assert.ok(row.signature && key)
  assert.equal(verifyCanonical(createPublicKey(key.public_key), signedForm(row), row.signature!), true)
  const token = await internalToken(rt)
  const before = await rt.request('GET', `/internal/prescriptions/${id}`, { token })
  assert.equal(before.status, 200)
  assert.equal(before.json.status, 'verified')
  assert.equal(before.json.signature_valid, true)
  assert.equal(InternalPrescription.parse(before.json).signature_valid, true, 'the answer is the contract orders parses')
  assert.equal((await rt.request('GET', `/internal/prescriptions/${id}`, { token: await rt.token('admin') })).status, 401)
  assert.equal(before.json.dispensable, true)
  await rt.db.query(`UPDATE prescriptions.prescriptions SET quantity = 300 WHERE prescription_id = $1`, [id])
  const tampered = (await rt.request('GET', `/internal/prescriptions/${id}`, { token })).json
  assert.equal(tampered.signature_valid, false)
  assert.equal(tampered.dispensable, false, 'a changed prescription is refused at dispensing')
})

test('tampering with any signed column in the database is detected; a row forged into verified has no valid signature', async () => {
  const token = await internalToken(rt)
  const changes: Array<[string, unknown]> = [
    ['patient_id', randomUUID()],
    ['drug_id', DRUGS.oxycodone.drug_id],
    ['refill_count', 5],
    ['dosage', 'two tablets hourly'],
    ['expiry_date', isoDay(300)],
    ['dea_schedule', 'CV'],
    ['verified_by', randomUUID()],
    ['prescriber_id', randomUUID()],
  ]
  for (const [column, value] of changes) {
    const r = await submit(rx(randomUUID()))
    const id = r.json.prescription_id
    assert.equal(
      (
        await rt.request('POST', `/prescriptions/${id}/verify`, {
          token: await rt.token('pharmacist', { mfa: true }),
          body: { decision: 'approve' },
        })
      ).status,
      200,
    )
    await rt.db.query(`UPDATE prescriptions.prescriptions SET ${column} = $2 WHERE prescription_id = $1`, [id, value])
    const after = (await rt.request('GET', `/internal/prescriptions/${id}`, { token })).json
    assert.equal(after.signature_valid, false, column)
    assert.equal(after.dispensable, false, column)
  }
  const forged = await submit(rx(randomUUID()))
  await rt.db.query(`UPDATE prescriptions.prescriptions SET status = 'verified' WHERE prescription_id = $1`, [forged.json.prescription_id])
  const f = (await rt.request('GET', `/internal/prescriptions/${forged.json.prescription_id}`, { token })).json
  assert.equal(f.status, 'verified')
  assert.equal(f.signature_valid, false)
  assert.equal(f.dispensable, false)
})

test('reject needs a reason; a rejected prescription cannot be verified afterwards', async () => {
  const r = await submit(rx(randomUUID()))
  const url = `/prescriptions/${r.json.prescription_id}/verify`
  const token = await rt.token('pharmacist', { mfa: true })
  const noReason = await rt.request('POST', url, { token, body: { decision: 'reject' } })
  assert.equal(noReason.status, 400)
  assert.equal(noReason.json.errors[0].field, 'body.reason')
  const rej = await rt.request('POST', url, { token, body: { decision: 'reject', reason: 'dose too high for the patient' } })
  assert.equal(rej.status, 200)
  assert.equal(rej.json.status, 'rejected')
  assert.equal((await rt.request('POST', url, { token, body: { decision: 'approve' } })).status, 409)
})

test('a controlled substance needs a second factor from the last five minutes', async () => {
  const r = await submit(rx(randomUUID(), { drug_id: DRUGS.oxycodone.drug_id, refill_count: 0 }))
  assert.equal(r.status, 201, JSON.stringify(r.json))
  const url = `/prescriptions/${r.json.prescription_id}/verify`
  const stale = await rt.request('POST', url, { token: await staleMfaToken(rt, 10 * 60), body: { decision: 'approve' } })
  assert.equal(stale.status, 403)
  assert.equal(stale.json.type, 'https://apotheca.dev/problems/step-up-required')
  const fresh = await rt.request('POST', url, { token: await rt.token('pharmacist', { mfa: true }), body: { decision: 'approve' } })
  assert.equal(fresh.status, 200, JSON.stringify(fresh.json))
  const internal = await rt.request('GET', `/internal/prescriptions/${r.json.prescription_id}`, { token: await internalToken(rt) })
  assert.equal(internal.json.dea_schedule, 'CII')
  assert.equal(internal.json.refills_remaining, 0)
})

test('the OpenAPI document lists the prescription routes', async () => {
  const r = await rt.request('GET', '/openapi.json')
  assert.ok(r.json.paths['/prescriptions/submit'].post)
  assert.ok(r.json.paths['/patients/{patientId}/prescriptions'].get)
  assert.ok(r.json.paths['/webhooks/epcs/status'].post)
  assert.ok(r.json.paths['/prescriptions/{prescriptionId}/verify'].post)
})

test('the expiry job moves lapsed open prescriptions to expired, which cannot be verified', async () => {
  const patient = randomUUID()
  const r = await submit(rx(patient))
  await rt.db.query(`UPDATE prescriptions.prescriptions SET issue_date = $2, expiry_date = $3 WHERE prescription_id = $1`, [
    r.json.prescription_id,
    isoDay(-400),
    isoDay(-35),
  ])
  const moved = await expirePrescriptions({ db: rt.db, publish: createPublisher('prescriptions', () => {}) })
  assert.ok(moved >= 1)
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.equal(list.json.prescriptions[0].status, 'expired')
  assert.equal(list.json.prescriptions[0].history.at(-1).from, 'in_review')
  const v = await rt.request('POST', `/prescriptions/${r.json.prescription_id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(v.status, 409)
})
