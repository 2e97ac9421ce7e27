import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { parseFhir } from './fhir-medication-request.ts'
import { MalformedIntake, UnsupportedIntake } from './intake.ts'

const DATA = new URL('../../../../fixtures/', import.meta.url)
const read = (path: string) => JSON.parse(readFileSync(new URL(path, DATA), 'utf8'))
const today = '2026-03-10'
const PATIENT = '3f2b8a4e-0c1d-4e5f-8a9b-0c1d2e3f4a5b'

test('an HL7 example MedicationRequest is read: contained Medication NDC, quantity, refills, dates, sig', () => {
  const { orders, bundle } = parseFhir(read('fhir-r4-examples/MedicationRequest-medrx0307.json'), today)
  assert.equal(bundle, false)
  const o = orders[0]!
  assert.equal(o.source.ndc, '16590-619-30')
  assert.equal(o.source.fhir_id, 'medrx0307')
  assert.equal(o.quantity, 30)
  assert.equal(o.issue_date, '2015-01-15')
  assert.match(o.dosage!, /every four hours/)
  assert.match(o.history!, /completed/)
  assert.equal(o.patient_id, null, 'Patient/pat1 is not one of our patients')
  assert.ok(o.notes.some((n) => n.includes('patient not matched')))
})

test('every HL7 example MedicationRequest parses', () => {
  const dir = new URL('fhir-r4-examples/', DATA)
  const files = readdirSync(dir).filter((f) => f.startsWith('MedicationRequest-'))
  assert.ok(files.length > 20)
  for (const f of files) assert.equal(parseFhir(read(`fhir-r4-examples/${f}`), today).orders.length, 1, f)
})

test('an active request for our patient is an order to verify; past its validity it is history', () => {
  const mr = { ...read('fhir-r4-examples/MedicationRequest-medrx0339.json'), subject: { reference: `Patient/${PATIENT}` } }
  mr.dispenseRequest.validityPeriod.end = '2026-12-31'
  const o = parseFhir(mr, today).orders[0]!
  assert.equal(o.patient_id, PATIENT)
  assert.equal(o.history, null)
  assert.equal(o.source.ndc, '0067-2091-03')
  mr.dispenseRequest.validityPeriod.end = '2016-01-15'
  assert.match(parseFhir(mr, today).orders[0]!.history!, /validity ended/)
})

test('a Synthea bundle gives one order per MedicationRequest, RxNorm-coded, patient to be matched', () => {
  const dir = new URL('synthea-fhir-r4/', DATA)
  const file = readdirSync(dir).find((f) => f.startsWith('Denny_Bins'))!
  const b = read(`synthea-fhir-r4/${file}`)
  const expected = b.entry.filter((e: any) => e.resource.resourceType === 'MedicationRequest').length
  const { orders, bundle } = parseFhir(b, today)
  assert.equal(bundle, true)
  assert.equal(orders.length, expected)
  for (const o of orders) {
    assert.ok(o.source.rxnorm)
    assert.equal(o.patient_id, null)
  }
})

test('what is not a well-formed MedicationRequest is refused with the field named', () => {
  const mr = read('fhir-r4-examples/MedicationRequest-medrx0302.json')
  delete mr.status
  assert.throws(
    () => parseFhir(mr, today),
    (e: unknown) => e instanceof MalformedIntake && e.field === 'status',
  )
  // JSON that is no FHIR resource at all is not malformed FHIR: it is not something we take.
  assert.throws(() => parseFhir({ nope: 1 }, today), UnsupportedIntake)
  assert.throws(() => parseFhir('text', today), UnsupportedIntake)
  assert.throws(() => parseFhir({ resourceType: 'Patient' }, today), UnsupportedIntake)
  assert.throws(() => parseFhir({ resourceType: 'Bundle', entry: [] }, today), UnsupportedIntake)
})
