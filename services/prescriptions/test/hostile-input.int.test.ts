import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { signPayload, type TestRuntime } from '@apotheca/kernel/testing'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, startWithFakeCatalog } from './helpers.ts'

// Input built to break the service: XML nested past the parser's depth, NUL in every text a
// prescription, an allergy or a network message carries, by each way it can arrive. Each is a 400
// and stores nothing.
const DATA = new URL('../../../fixtures/', import.meta.url)
const sample = (path: string) => readFileSync(new URL(path, DATA), 'utf8')
const NUL = String.fromCharCode(0)

let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const asDoctor = () => rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id })
const count = async (table: string) =>
  (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM prescriptions.${table}`)).rows[0]!.n

async function submitRaw(raw: string, contentType: string) {
  return rt.request('POST', '/prescriptions/submit', { raw, token: await asDoctor(), headers: { 'content-type': contentType } })
}

/** The NCPDP NewRx sample for a new patient, written today, with a fresh MessageID. */
function newRx() {
  return sample('ncpdp-script/cosyte-newrx-basic.xml')
    .replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>H-${randomUUID()}</MessageID>`)
    .replace(
      '<HumanPatient>',
      `<HumanPatient><Identification><PatientAccountNumber>${randomUUID()}</PatientAccountNumber></Identification>`,
    )
    .replace('2026-01-15</Date>', `${isoDay()}</Date>`)
}

/** Asserts that a call was refused as a 400 of one of these slugs and that no table grew. */
async function refusedUnstored(call: () => Promise<{ status: number; json: any }>, slugs: string[], what: string) {
  const tables = ['prescriptions', 'allergies', 'epcs_messages', 'ncpdp_messages']
  const before = await Promise.all(tables.map(count))
  const r = await call()
  assert.equal(r.status, 400, `${what}: ${JSON.stringify(r.json)}`)
  assert.ok(
    slugs.some((s) => r.json.type === `https://apotheca.dev/problems/${s}`),
    `${what}: ${r.json.type}`,
  )
  assert.deepEqual(await Promise.all(tables.map(count)), before, `${what}: nothing stored`)
}

test('the NewRx sample is taken as it is (the cases below differ from it only by what they break)', async () => {
  const r = await submitRaw(newRx(), 'application/xml')
  assert.equal(r.status, 201, JSON.stringify(r.json))
})

test('NCPDP XML nested deeper than the parser goes is 400 malformed-eprescription, not a 500, and nothing is stored', async () => {
  for (const depth of [101, 150, 5000]) {
    const deep = `${'<Extra>'.repeat(depth)}x${'</Extra>'.repeat(depth)}`
    const xml = newRx().replace('<MedicationPrescribed>', `<MedicationPrescribed>${deep}`)
    await refusedUnstored(() => submitRaw(xml, 'application/xml'), ['malformed-eprescription'], `depth ${depth}`)
  }
  // The Body itself nested too deep, and a text/xml sender: the same answer.
  const body = `<Message><Header><MessageID>D-${randomUUID()}</MessageID></Header><Body>${'<NewRx>'.repeat(120)}${'</NewRx>'.repeat(120)}</Body></Message>`
  await refusedUnstored(() => submitRaw(body, 'text/xml'), ['malformed-eprescription'], 'deep body')
})

test('NUL in a JSON prescription dosage is a 400 and nothing is stored', async () => {
  for (const dosage of [`one${NUL}daily`, NUL, `${NUL} one daily`]) {
    const body = {
      patient_id: randomUUID(),
      drug_id: DRUGS.amoxicillin.drug_id,
      dosage,
      quantity: 30,
      refill_count: 0,
      issue_date: isoDay(),
    }
    await refusedUnstored(
      async () => rt.request('POST', '/prescriptions/submit', { token: await asDoctor(), body }),
      ['validation'],
      JSON.stringify(dosage),
    )
  }
})

test("NUL in an allergy's substance (or its code) is a 400 and nothing is stored", async () => {
  const patient = randomUUID()
  const token = await rt.token('patient', { sub: patient })
  for (const body of [{ substance: `penicillin${NUL}` }, { substance: 'penicillin', code: `91936005${NUL}` }]) {
    await refusedUnstored(() => rt.request('POST', `/patients/${patient}/allergies`, { token, body }), ['validation'], JSON.stringify(body))
  }
})

test("NUL in a signed EPCS status call's message_id (or any of its text) is a 400 and nothing is stored", async () => {
  for (const body of [
    { message_id: `m-${NUL}`, prescription_id: randomUUID(), status: 'accepted' },
    { message_id: `m-${randomUUID()}`, prescription_id: `RX${NUL}1`, status: 'accepted' },
    { message_id: `m-${randomUUID()}`, prescription_id: randomUUID(), status: 'error', reason: `bad${NUL}` },
  ]) {
    const raw = JSON.stringify(body)
    await refusedUnstored(
      () => rt.request('POST', '/webhooks/epcs/status', { raw, headers: { 'apotheca-signature': signPayload('whsec_demo_epcs', raw) } }),
      ['validation'],
      raw,
    )
  }
})

test('NCPDP XML with NUL, raw or as a character reference, or another character XML forbids, is a 400 and nothing is stored', async () => {
  const sig = 'Take 1 capsule by mouth three times daily for 10 days.'
  for (const [what, replacement] of [
    ['raw NUL', `Take 1${NUL} capsule`],
    ['&#0;', 'Take 1&#0; capsule'],
    ['&#x0;', 'Take 1&#x0; capsule'],
    ['&#x00000;', 'Take 1&#x00000; capsule'],
    ['&#1;', 'Take 1&#1; capsule'],
    ['&#xFFFE;', 'Take 1&#xFFFE; capsule'],
    ['&#xD800;', 'Take 1&#xD800; capsule'],
    ['raw U+0001', `Take 1${String.fromCharCode(1)} capsule`],
  ] as const) {
    const xml = newRx()
    assert.ok(xml.includes(sig))
    await refusedUnstored(
      () => submitRaw(xml.replace(sig, replacement), 'application/xml'),
      ['malformed-eprescription', 'validation'],
      what,
    )
  }
  // In the MessageID, which a CancelRx is recorded by.
  const cancel = sample('ncpdp-script/cosyte-cancelrx-request.xml').replace(
    /<MessageID>[^<]*<\/MessageID>/,
    '<MessageID>C&#0;1</MessageID>',
  )
  await refusedUnstored(() => submitRaw(cancel, 'application/xml'), ['malformed-eprescription', 'validation'], 'CancelRx MessageID')
  // Characters XML allows by reference still decode: a tab, an e acute, an emoji.
  const ok = await submitRaw(newRx().replace(sig, 'Take&#9;1 caf&#xE9; &#128138; daily'), 'application/xml')
  assert.equal(ok.status, 201, JSON.stringify(ok.json))
  const { rows } = await rt.db.query<{ dosage: string }>(`SELECT dosage FROM prescriptions.prescriptions WHERE prescription_id = $1`, [
    ok.json.prescription_id,
  ])
  assert.equal(rows[0]!.dosage, 'Take\t1 café 💊 daily')
})

test('FHIR with NUL in a dosage or an allergy substance is a 400 and nothing is stored', async () => {
  const patient = randomUUID()
  const request = {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    medicationCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00093-3105-01' }] },
    authoredOn: isoDay(),
    dosageInstruction: [{ text: `one capsule${NUL} daily` }],
    dispenseRequest: { quantity: { value: 30 } },
  }
  const allergy = {
    resourceType: 'AllergyIntolerance',
    code: { text: `penicillin${NUL}` },
    patient: { reference: `Patient/${patient}` },
  }
  for (const resource of [request, allergy, { resourceType: 'Bundle', entry: [{ resource: request }, { resource: allergy }] }])
    await refusedUnstored(
      () => submitRaw(JSON.stringify(resource), 'application/fhir+json'),
      ['validation', 'malformed-eprescription'],
      resource.resourceType,
    )
})
