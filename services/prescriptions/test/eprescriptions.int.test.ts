import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { signPayload, type TestRuntime } from '@apotheca/kernel/testing'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, outboxTypes, reviewed, startWithFakeCatalog } from './helpers.ts'

const DATA = new URL('../../../fixtures/', import.meta.url)
const sample = (path: string) => readFileSync(new URL(path, DATA), 'utf8')
const fhir = (path: string) => JSON.parse(sample(`fhir-r4-examples/${path}`))

let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

async function post(raw: string, contentType: string, o: { token?: string | null; headers?: Record<string, string> } = {}) {
  const token = o.token === null ? undefined : (o.token ?? (await rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id })))
  return rt.request('POST', '/prescriptions/submit', { raw, token, headers: { 'content-type': contentType, ...o.headers } })
}

/** The NCPDP sample with a unique message id and, optionally, an Apotheca patient id. */
function newRx(file: string, patientId?: string) {
  let xml = sample(`ncpdp-script/${file}`).replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>T-${randomUUID()}</MessageID>`)
  if (patientId)
    xml = xml.replace(
      '<HumanPatient>',
      `<HumanPatient><Identification><PatientAccountNumber>${patientId}</PatientAccountNumber></Identification>`,
    )
  return xml
}

test('an active FHIR MedicationRequest for our patient, coded by NDC, goes to review with its drug resolved', async () => {
  const patient = randomUUID()
  const mr = { ...fhir('MedicationRequest-medrx0339.json'), subject: { reference: `Patient/${patient}` }, authoredOn: isoDay(-1) }
  mr.dispenseRequest.validityPeriod = { start: isoDay(-1), end: isoDay(90) }
  const r = await post(JSON.stringify(mr), 'application/fhir+json')
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.status, 'received')
  assert.equal(await reviewed(rt, r.json.prescription_id), 'in_review')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('patient', { sub: patient }) })
  const p = list.json.prescriptions[0]
  assert.equal(p.drug_id, DRUGS.alprazolam.drug_id)
  assert.equal(p.quantity, 1)
  assert.equal(p.expiry_date, isoDay(90))
  assert.ok(catalog.calls.some((c) => c.startsWith('GET /drugs/search?ndc=00067-2091-03')))
})

test('a FHIR example for an unknown patient is kept for the queue; a completed one is inactive medication history', async () => {
  const active = await post(sample('fhir-r4-examples/MedicationRequest-medrx0302.json'), 'application/fhir+json')
  assert.equal(active.status, 201)
  assert.equal(active.json.status, 'inactive', 'active, but its validity ended in 2016')
  const stale = await post(sample('fhir-r4-examples/MedicationRequest-medrx0306.json'), 'application/fhir+json')
  assert.equal(stale.json.status, 'received', 'active with no validity period: reviewed')
  assert.ok(stale.json.notes.some((n: string) => n.includes('already expired')))
  assert.equal(await reviewed(rt, stale.json.prescription_id), 'rejected', 'validation rejects what has expired')
  const completed = await post(sample('fhir-r4-examples/MedicationRequest-medrx0307.json'), 'application/fhir+json')
  assert.equal(completed.json.status, 'inactive')
  assert.ok(completed.json.notes.some((n: string) => n.includes('patient not matched')))
  const onHold = { ...fhir('MedicationRequest-medrx0334.json'), authoredOn: isoDay() }
  delete onHold.dispenseRequest.validityPeriod
  const queued = await post(JSON.stringify(onHold), 'application/fhir+json')
  assert.equal(await reviewed(rt, queued.json.prescription_id), 'in_review')
  const q = await rt.request('GET', '/prescriptions/queue?limit=100', { token: await rt.token('pharmacist') })
  const item = q.json.prescriptions.find((p: any) => p.prescription_id === queued.json.prescription_id)
  assert.equal(item.patient_id, null)
  assert.match(item.review_notes.join(' | '), /patient not matched.*on-hold|on-hold.*patient not matched/s)
  assert.deepEqual(
    await outboxTypes(rt, queued.json.prescription_id),
    ['prescriptions.prescription.review_requested.v1'],
    'no event names a patient it does not have',
  )
  const approve = await rt.request('POST', `/prescriptions/${queued.json.prescription_id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(approve.status, 409)
})

test('a Synthea bundle records one prescription per MedicationRequest', async () => {
  const dir = new URL('synthea-fhir-r4/', DATA)
  const file = readdirSync(dir).find((f) => f.startsWith('Denny_Bins'))!
  const raw = sample(`synthea-fhir-r4/${file}`)
  const count = JSON.parse(raw).entry.filter((e: any) => e.resource.resourceType === 'MedicationRequest').length
  const r = await post(raw, 'application/fhir+json')
  assert.equal(r.status, 201, JSON.stringify(r.json).slice(0, 300))
  assert.equal(r.json.prescriptions.length, count)
  for (const p of r.json.prescriptions) assert.ok(['received', 'inactive'].includes(p.status))
  for (const p of r.json.prescriptions)
    if (p.status === 'received') assert.ok(['in_review', 'rejected'].includes(await reviewed(rt, p.prescription_id)))
})

test("a MedicationRequest coded only by RxNorm takes the catalog's first product for the concept; an RxNorm code the catalog lacks waits for a pharmacist", async () => {
  const patient = randomUUID()
  const order = (rxcui: string) =>
    JSON.stringify({
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${patient}` },
      authoredOn: isoDay(),
      medicationCodeableConcept: {
        coding: [
          { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: rxcui, display: 'Penicillin V Potassium 500 MG Oral Tablet' },
        ],
      },
      dosageInstruction: [{ text: 'one tablet four times daily' }],
      dispenseRequest: { quantity: { value: 40 } },
    })
  const coded = await post(order(DRUGS.penicillinV.rxcui!), 'application/fhir+json')
  assert.equal(coded.status, 201, JSON.stringify(coded.json))
  assert.equal(coded.json.notes, undefined, 'nothing left for the pharmacist to match')
  assert.ok(catalog.calls.includes(`GET /drugs/search?rxcui=${DRUGS.penicillinV.rxcui}&limit=1`))
  const unknown = await post(order('99999999'), 'application/fhir+json')
  assert.match(unknown.json.notes.join(' | '), /RxNorm 99999999.*no catalog product/)
  await reviewed(rt, coded.json.prescription_id)
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  const byId = new Map(list.json.prescriptions.map((p: any) => [p.prescription_id, p]))
  assert.deepEqual(
    [(byId.get(coded.json.prescription_id) as any).drug_id, (byId.get(coded.json.prescription_id) as any).drug_resolution],
    [DRUGS.penicillinV.drug_id, 'rxcui'],
    'the first of the two products for the concept',
  )
  assert.deepEqual(
    [(byId.get(unknown.json.prescription_id) as any).drug_id, (byId.get(unknown.json.prescription_id) as any).drug_resolution],
    [null, null],
  )
})

test('an NCPDP NewRx with an empty NDC and an RxNorm code is resolved by the RxNorm code; one with an NDC by the NDC', async () => {
  const patient = randomUUID()
  const xml = newRx('cosyte-newrx-edge-empties.xml', patient).replace('<Code>198440</Code>', `<Code>${DRUGS.penicillinV.rxcui}</Code>`)
  const r = await post(xml, 'application/xml')
  assert.equal(r.status, 201, JSON.stringify(r.json))
  const ndc = await post(newRx('cosyte-newrx-basic.xml', patient), 'application/xml')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  const of = (id: string) => list.json.prescriptions.find((p: any) => p.prescription_id === id)
  assert.equal(of(r.json.prescription_id).drug_id, DRUGS.penicillinV.drug_id)
  assert.equal(of(r.json.prescription_id).drug_resolution, 'rxcui')
  assert.equal(of(ndc.json.prescription_id).drug_resolution, 'ndc')
})

test('malformed FHIR is a 400 problem; a resource that is not a prescription is a 422', async () => {
  const noStatus = fhir('MedicationRequest-medrx0302.json')
  delete noStatus.status
  const r = await post(JSON.stringify(noStatus), 'application/fhir+json')
  assert.equal(r.status, 400)
  assert.equal(r.json.errors[0].field, 'status')
  assert.equal((await post('{"resourceType": ', 'application/fhir+json')).status, 400)
  assert.equal((await post(sample('fhir-r4-examples/Patient-example.json'), 'application/fhir+json')).status, 422)
})

test('an NCPDP NewRx for our patient resolves its NDC and goes to review; a resent message finds the same prescription', async () => {
  const patient = randomUUID()
  const xml = newRx('cosyte-newrx-basic.xml', patient)
  const r = await post(
    xml.replace('2026-01-15</Date>\n        </WrittenDate>', `${isoDay()}</Date>\n        </WrittenDate>`),
    'application/xml',
  )
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(await reviewed(rt, r.json.prescription_id), 'in_review')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.equal(list.json.prescriptions[0].drug_id, DRUGS.amoxicillin.drug_id)
  assert.equal(list.json.prescriptions[0].dosage, 'Take 1 capsule by mouth three times daily for 10 days.')
  const again = await post(xml, 'text/xml')
  assert.equal(again.status, 200)
  assert.equal(again.json.duplicate, true)
  assert.equal(again.json.prescription_id, r.json.prescription_id)
})

test('the e-prescribing network may send a NewRx signed instead of with a token; unsigned and forged are 401', async () => {
  const raw = newRx('ncpdp-v2013071-NewRxForXSLTExample.xml')
  assert.equal((await post(raw, 'application/xml', { token: null })).status, 401)
  assert.equal(
    (await post(raw, 'application/xml', { token: null, headers: { 'apotheca-signature': signPayload('forged-secret', raw) } })).status,
    401,
  )
  const ok = await post(raw, 'application/xml', { token: null, headers: { 'apotheca-signature': signPayload('whsec_demo_epcs', raw) } })
  assert.equal(ok.status, 201, JSON.stringify(ok.json))
  assert.equal(ok.json.status, 'received')
  assert.ok(ok.json.notes.length >= 2, 'no patient id, no NDC, written in 2010')
  assert.equal(await reviewed(rt, ok.json.prescription_id), 'rejected', 'written in 2010: expired')
})

test('XXE: a NewRx with an external entity is refused and nothing is read or stored', async () => {
  const id = `XXE-${randomUUID()}`
  const xxe =
    `<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n` +
    `<Message><Header><MessageID>${id}</MessageID></Header><Body><NewRx><MedicationPrescribed><DrugDescription>&xxe;</DrugDescription>` +
    `<Quantity><Value>1</Value></Quantity></MedicationPrescribed></NewRx></Body></Message>`
  const r = await post(xxe, 'application/xml')
  assert.equal(r.status, 400)
  assert.doesNotMatch(JSON.stringify(r.json), /root:/)
  const { rows } = await rt.db.query(`SELECT 1 FROM prescriptions.prescriptions WHERE source_message_id = $1`, [id])
  assert.equal(rows.length, 0)
})

test('other NCPDP transactions are 422, broken XML is 400, and a patient cannot send e-prescriptions', async () => {
  assert.equal((await post(sample('ncpdp-script/cosyte-status-response.xml'), 'application/xml')).status, 422)
  assert.equal((await post('<Message><Body><NewRx>', 'application/xml')).status, 400)
  // Well-formed XML or JSON of another kind is not a malformed e-prescription: it is not one we take.
  assert.equal((await post('<data>x</data>', 'application/xml')).json.type, 'https://apotheca.dev/problems/unsupported-eprescription')
  assert.equal((await post('{"a": 1}', 'application/fhir+json')).status, 422)
  assert.equal((await post(newRx('cosyte-newrx-basic.xml'), 'application/xml', { token: await rt.token('patient') })).status, 403)
})
