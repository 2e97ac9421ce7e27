import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { recordDrafts } from '../src/application/record-prescriptions.ts'
import { draftFromSubmission } from '../src/domain/intake.ts'
import { DRUGS, FAILING_PRACTITIONER_ID, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, reviewed, startWithFakeCatalog } from './helpers.ts'

// The automated review: intake answers `received`, the review consumer validates and runs DUR.
let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const doctor = PRACTITIONERS.doctor!.practitioner_id
const rx = (patient: string, drug: { drug_id: string }, o: Record<string, unknown> = {}) => ({
  patient_id: patient,
  drug_id: drug.drug_id,
  dosage: 'one tablet daily',
  quantity: 30,
  refill_count: 0,
  issue_date: isoDay(),
  ...o,
})

async function submit(body: unknown, prescriber = doctor) {
  const r = await rt.request('POST', '/prescriptions/submit', { token: await rt.token('practitioner', { sub: prescriber }), body })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  return { id: r.json.prescription_id as string, status: await reviewed(rt, r.json.prescription_id) }
}

async function read(patient: string, id: string) {
  const l = await rt.request('GET', `/patients/${patient}/prescriptions?limit=100`, { token: await rt.token('admin') })
  return l.json.prescriptions.find((p: any) => p.prescription_id === id)
}

const verify = async (id: string, body: Record<string, unknown>) =>
  rt.request('POST', `/prescriptions/${id}/verify`, { token: await rt.token('pharmacist', { mfa: true }), body })

test('validating rejects what the prescriber may not prescribe, with the reason in the history', async () => {
  const cases: Array<[string, { drug_id: string }, string]> = [
    [PRACTITIONERS.noDea!.practitioner_id, DRUGS.oxycodone, 'DEA registration'],
    [PRACTITIONERS.badDea!.practitioner_id, DRUGS.alprazolam, 'DEA number fails'],
    [PRACTITIONERS.civOnly!.practitioner_id, DRUGS.oxycodone, 'does not cover schedule CII'],
    [PRACTITIONERS.badNpi!.practitioner_id, DRUGS.amoxicillin, 'NPI'],
    [PRACTITIONERS.noLicence!.practitioner_id, DRUGS.amoxicillin, 'licence state'],
    [randomUUID(), DRUGS.amoxicillin, 'not a practitioner known'],
  ]
  for (const [prescriber, drug, why] of cases) {
    const patient = randomUUID()
    const { id, status } = await submit(rx(patient, drug), prescriber)
    assert.equal(status, 'rejected', why)
    const p = await read(patient, id)
    assert.deepEqual(
      p.history.map((h: any) => h.to),
      ['received', 'validating', 'rejected'],
    )
    assert.match(p.history.at(-1).reason, new RegExp(why))
    assert.equal(
      p.findings.some((f: any) => f.severity === 'blocking'),
      true,
    )
    assert.equal((await verify(id, { decision: 'approve' })).status, 409, 'a rejected prescription is final')
  }
  assert.equal(
    (await submit(rx(randomUUID(), DRUGS.alprazolam), PRACTITIONERS.civOnly!.practitioner_id)).status,
    'in_review',
    'CIV is covered',
  )
})

test('an e-prescription breaking the law of its schedule is rejected by validation: refills on CII, more than five on CIV', async () => {
  const base = readFileSync(new URL('../../../fixtures/ncpdp-script/cosyte-newrx-basic.xml', import.meta.url), 'utf8')
  const send = async (ndc: string, refills: number) => {
    const xml = base
      .replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>R-${randomUUID()}</MessageID>`)
      .replace(/<ProductCode Qualifier="ND">[^<]*<\/ProductCode>/, `<ProductCode Qualifier="ND">${ndc.replace(/-/g, '')}</ProductCode>`)
      .replace(/<Value>1<\/Value>\s*<\/Refills>|<NumberOfRefills>\d+<\/NumberOfRefills>/, (m) => m.replace(/\d+/, String(refills)))
      .replace(/<Date>2026-01-15<\/Date>/, `<Date>${isoDay()}</Date>`)
      .replace(
        '<HumanPatient>',
        `<HumanPatient><Identification><PatientAccountNumber>${randomUUID()}</PatientAccountNumber></Identification>`,
      )
    const r = await rt.request('POST', '/prescriptions/submit', {
      raw: xml,
      token: await rt.token('practitioner', { sub: doctor }),
      headers: { 'content-type': 'application/xml' },
    })
    assert.equal(r.status, 201, JSON.stringify(r.json))
    return reviewed(rt, r.json.prescription_id)
  }
  assert.equal(await send(DRUGS.oxycodone.ndc_code, 1), 'rejected')
  assert.equal(await send(DRUGS.oxycodone.ndc_code, 0), 'in_review')
  assert.equal(await send(DRUGS.alprazolam.ndc_code, 6), 'rejected')
  assert.equal(await send(DRUGS.alprazolam.ndc_code, 5), 'in_review')
})

test('DUR: an interaction with an active medicine is shown; approving over it needs an override reason code', async () => {
  const patient = randomUUID()
  const w = await submit(rx(patient, DRUGS.warfarin))
  assert.equal((await verify(w.id, { decision: 'approve' })).status, 200)
  const i = await submit(rx(patient, DRUGS.ibuprofen))
  assert.equal(i.status, 'in_review')
  const p = await read(patient, i.id)
  assert.deepEqual(
    p.findings.map((f: any) => [f.code, f.severity, f.related]),
    [['interaction', 'high', [w.id]]],
  )
  const q = await rt.request('GET', '/prescriptions/queue?limit=100', { token: await rt.token('pharmacist') })
  assert.equal(
    q.json.prescriptions.find((x: any) => x.prescription_id === i.id).findings[0].code,
    'interaction',
    'the queue shows findings',
  )
  const bare = await verify(i.id, { decision: 'approve' })
  assert.equal(bare.status, 422)
  assert.equal(bare.json.type, 'https://apotheca.dev/problems/override-required')
  assert.equal((await verify(i.id, { decision: 'approve', override_reason: 'because' })).status, 400, 'only the listed codes')
  const ok = await verify(i.id, { decision: 'approve', override_reason: 'prescriber_consulted' })
  assert.equal(ok.status, 200, JSON.stringify(ok.json))
  const after = await read(patient, i.id)
  assert.equal(after.override_reason, 'prescriber_consulted')
  assert.match(after.history.at(-1).reason, /prescriber_consulted/)
})

test('DUR uses FHIR medication history (inactive) and finds duplicate therapy', async () => {
  const patient = randomUUID()
  const history = {
    resourceType: 'MedicationRequest',
    status: 'completed',
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    authoredOn: isoDay(-30),
    medicationCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: DRUGS.warfarin.ndc_code }] },
  }
  const h = await rt.request('POST', '/prescriptions/submit', {
    raw: JSON.stringify(history),
    token: await rt.token('practitioner', { sub: doctor }),
    headers: { 'content-type': 'application/fhir+json' },
  })
  assert.equal(h.json.status, 'inactive')
  const i = await submit(rx(patient, DRUGS.ibuprofen))
  const p = await read(patient, i.id)
  assert.equal(p.findings[0].code, 'interaction')
  assert.deepEqual(p.findings[0].related, [h.json.prescription_id])
  assert.match(p.findings[0].message, /medication history/)
  const a = await submit(rx(patient, DRUGS.amoxicillin))
  const dup = await submit(rx(patient, DRUGS.amoxicillin250))
  const d = await read(patient, dup.id)
  assert.deepEqual(
    d.findings.map((f: any) => [f.code, f.severity, f.related]),
    [['duplicate_therapy', 'moderate', [a.id]]],
  )
  const cls = await submit(rx(patient, DRUGS.ampicillin))
  assert.deepEqual(
    (await read(patient, cls.id)).findings.filter((f: any) => f.code === 'duplicate_therapy').map((f: any) => f.severity),
    ['low', 'low'],
    'same ATC subgroup as both amoxicillins',
  )
})

test("DUR: dose and quantity limits from the days' supply", async () => {
  const patient = randomUUID()
  const r = await submit(rx(patient, DRUGS.amoxicillin, { quantity: 400, days_supply: 10 }))
  assert.deepEqual(
    (await read(patient, r.id)).findings.map((f: any) => f.code),
    ['dose_limit'],
  )
  const c = await submit(rx(patient, DRUGS.oxycodone, { quantity: 60, days_supply: 60 }))
  assert.deepEqual(
    (await read(patient, c.id)).findings.map((f: any) => f.code),
    ['quantity_limit'],
  )
})

test('identity unavailable: for a controlled drug the unchecked DEA registration must be overridden', async () => {
  const patient = randomUUID()
  const r = await submit(rx(patient, DRUGS.alprazolam), FAILING_PRACTITIONER_ID)
  assert.equal(r.status, 'in_review')
  assert.deepEqual(
    (await read(patient, r.id)).findings.map((f: any) => `${f.code}:${f.severity}`),
    ['prescriber_dea_unverified:high', 'prescriber_unverified:info'],
  )
  assert.equal((await verify(r.id, { decision: 'approve' })).status, 422)
})

test('approving is possible only from in_review: received and validating are 409', async () => {
  const patient = randomUUID()
  const made = draftFromSubmission(
    { ...rx(patient, DRUGS.amoxicillin), channel: 'structured', prescriber_id: doctor, submitted_by: doctor },
    { kind: 'found', drug_id: DRUGS.amoxicillin.drug_id, dea_schedule: null, via: 'drug_id' },
    isoDay(),
  )
  assert.ok('draft' in made)
  // Recorded without its review event: it stays received.
  const [rec] = await recordDrafts({ db: rt.db, publish: (async () => ({})) as any }, [made.draft], doctor)
  const id = rec!.row.prescription_id
  const r = await verify(id, { decision: 'approve' })
  assert.equal(r.status, 409)
  assert.deepEqual([r.json.status, r.json.prescription_status], [409, 'received'])
  await rt.db.query(`UPDATE prescriptions.prescriptions SET status = 'validating' WHERE prescription_id = $1`, [id])
  assert.equal((await verify(id, { decision: 'approve' })).status, 409)
  assert.equal((await verify(id, { decision: 'reject', reason: 'no' })).status, 409, 'a pharmacist rejects only what is in review')
})

test('the review runs once: a redelivered or repeated review request changes nothing', async () => {
  const patient = randomUUID()
  const r = await submit(rx(patient, DRUGS.amoxicillin))
  const { rows } = await rt.db.query<{ id: string; occurred_at: string; traceparent: string | null }>(
    `SELECT id, occurred_at, traceparent FROM prescriptions.outbox WHERE aggregate_id = $1 AND type = 'prescriptions.prescription.review_requested.v1'`,
    [r.id],
  )
  const env = {
    id: rows[0]!.id,
    type: 'prescriptions.prescription.review_requested.v1' as const,
    occurred_at: new Date().toISOString(),
    aggregate_id: r.id,
    version: 1,
    payload: { prescription_id: r.id, channel: 'structured' },
    traceparent: null,
  }
  const before = await read(patient, r.id)
  await rt.bus.publish([env as any, { ...env, id: randomUUID() } as any])
  const after = await read(patient, r.id)
  assert.equal(after.history.length, before.history.length)
  assert.equal(after.status, 'in_review')
})

test('the queue puts high-severity findings first, then controlled substances, then the oldest', async () => {
  const plain = await submit(rx(randomUUID(), DRUGS.amoxicillin))
  const controlled = await submit(rx(randomUUID(), DRUGS.alprazolam))
  const patient = randomUUID()
  const w = await submit(rx(patient, DRUGS.warfarin))
  const serious = await submit(rx(patient, DRUGS.ibuprofen))
  const q = await rt.request('GET', '/prescriptions/queue?limit=100', { token: await rt.token('pharmacist') })
  const order = q.json.prescriptions.map((p: any) => p.prescription_id)
  const at = (id: string) => order.indexOf(id)
  assert.ok(at(serious.id) >= 0 && at(serious.id) < at(controlled.id), 'a high-severity interaction first')
  assert.ok(at(controlled.id) < at(plain.id) && at(controlled.id) < at(w.id), 'controlled before plain ones')
  assert.ok(at(plain.id) < at(w.id), 'then oldest first')
})

test('a decision made while the review is still running waits for it, then applies from in_review', async () => {
  const patient = randomUUID()
  const r = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: doctor }),
    body: rx(patient, DRUGS.amoxicillin),
  })
  const v = await verify(r.json.prescription_id, { decision: 'approve' })
  assert.equal(v.status, 200, JSON.stringify(v.json))
  const p = await read(patient, r.json.prescription_id)
  assert.deepEqual(
    p.history.map((h: any) => h.to),
    ['received', 'validating', 'in_review', 'verified'],
  )
})
