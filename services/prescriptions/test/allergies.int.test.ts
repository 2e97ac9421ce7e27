import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, reviewed, startWithFakeCatalog } from './helpers.ts'

// Allergies: recorded by hand or from FHIR, checked by drug utilisation review.
let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const doctor = PRACTITIONERS.doctor!.practitioner_id
const asDoctor = () => rt.token('practitioner', { sub: doctor })

async function prescribe(patient: string, drug: { drug_id: string }) {
  const r = await rt.request('POST', '/prescriptions/submit', {
    token: await asDoctor(),
    body: {
      patient_id: patient,
      drug_id: drug.drug_id,
      dosage: 'one capsule three times daily',
      quantity: 30,
      refill_count: 0,
      issue_date: isoDay(),
    },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(await reviewed(rt, r.json.prescription_id), 'in_review')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions?limit=100`, { token: await rt.token('admin') })
  return list.json.prescriptions.find((p: any) => p.prescription_id === r.json.prescription_id)
}

const addAllergy = async (patient: string, body: unknown, token?: string) =>
  rt.request('POST', `/patients/${patient}/allergies`, { token: token ?? (await rt.token('patient', { sub: patient })), body })
const allergies = async (patient: string, token: string) => rt.request('GET', `/patients/${patient}/allergies`, { token })
const fhir = async (resource: unknown) =>
  rt.request('POST', '/prescriptions/submit', {
    raw: JSON.stringify(resource),
    token: await asDoctor(),
    headers: { 'content-type': 'application/fhir+json' },
  })
const fhirAllergy = (patient: string, text: string, o: Record<string, unknown> = {}) => ({
  resourceType: 'AllergyIntolerance',
  id: randomUUID(),
  clinicalStatus: { coding: [{ code: 'active' }] },
  verificationStatus: { coding: [{ code: 'confirmed' }] },
  type: 'allergy',
  category: ['medication'],
  criticality: 'high',
  code: { text },
  patient: { reference: `Patient/${patient}` },
  ...o,
})

test("a patient's penicillin allergy is a high finding on amoxicillin, which the pharmacist must override with a reason code", async () => {
  const patient = randomUUID()
  const a = await addAllergy(patient, { substance: 'Penicillin', criticality: 'high' })
  assert.equal(a.status, 201, JSON.stringify(a.json))
  assert.deepEqual([a.json.status, a.json.source, a.json.recorded_by, a.json.matches.atc_prefixes], ['active', 'manual', patient, ['J01C']])
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM prescriptions.outbox WHERE type = 'prescriptions.allergy.recorded.v1' AND aggregate_id = $1`,
    [a.json.allergy_id],
  )
  assert.deepEqual(
    rows.map((r) => r.payload),
    [{ allergy_id: a.json.allergy_id, patient_id: patient, status: 'active', source: 'manual', recorded_by: patient }],
    'announced for the audit log, ids only',
  )
  const p = await prescribe(patient, DRUGS.amoxicillin)
  assert.deepEqual(
    p.findings.map((f: any) => [f.code, f.severity, f.related]),
    [['allergy', 'high', [a.json.allergy_id]]],
  )
  assert.match(p.findings[0].message, /allergy to Penicillin, criticality high: it contains amoxicillin/)
  const pharmacist = await rt.token('pharmacist', { mfa: true })
  const bare = await rt.request('POST', `/prescriptions/${p.prescription_id}/verify`, { token: pharmacist, body: { decision: 'approve' } })
  assert.equal(bare.status, 422)
  assert.equal(bare.json.type, 'https://apotheca.dev/problems/override-required')
  const ok = await rt.request('POST', `/prescriptions/${p.prescription_id}/verify`, {
    token: pharmacist,
    body: { decision: 'approve', override_reason: 'previously_tolerated' },
  })
  assert.equal(ok.status, 200, JSON.stringify(ok.json))
})

test('FHIR allergies come in a Bundle with the prescriptions: a fish allergy is recorded and matches no drug', async () => {
  const patient = randomUUID()
  const fish = fhirAllergy(patient, 'Allergy to fish', { category: ['food'], criticality: 'low' })
  const order = {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${patient}` },
    authoredOn: isoDay(),
    medicationCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: DRUGS.amoxicillin.ndc_code }] },
    dosageInstruction: [{ text: 'one capsule three times daily' }],
    dispenseRequest: { quantity: { value: 30 } },
  }
  const r = await fhir({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: fish }, { resource: order }] })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.prescriptions.length, 1)
  assert.deepEqual(
    r.json.allergies.map((a: any) => [a.substance, a.source, a.categories, a.matches]),
    [['Allergy to fish', 'fhir', ['food'], { ingredients: [], atc_prefixes: [] }]],
  )
  assert.equal(await reviewed(rt, r.json.prescriptions[0].prescription_id), 'in_review')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.deepEqual(
    list.json.prescriptions[0].findings.filter((f: any) => f.code === 'allergy'),
    [],
  )
  const only = await fhir({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: fhirAllergy(patient, 'Shellfish allergy', { category: ['food'] }) }],
  })
  assert.equal(only.status, 201, 'a Bundle of allergies alone is taken')
  assert.deepEqual(only.json.prescriptions, [])
})

test('a lone AllergyIntolerance is recorded, sent again it is updated: a resolved allergy is no longer checked', async () => {
  const patient = randomUUID()
  const penicillin = fhirAllergy(patient, 'Allergy to penicillin')
  const first = await fhir(penicillin)
  assert.equal(first.status, 201, JSON.stringify(first.json))
  assert.equal(first.json.status, 'active')
  const flagged = await prescribe(patient, DRUGS.penicillinV)
  assert.deepEqual(
    flagged.findings.map((f: any) => f.code),
    ['allergy'],
    'penicillin V is a penicillin',
  )
  const resolved = await fhir({ ...penicillin, clinicalStatus: { coding: [{ code: 'resolved' }] } })
  assert.equal(resolved.json.allergy_id, first.json.allergy_id, 'the same resource, updated')
  const seen = await allergies(patient, await rt.token('pharmacist'))
  assert.deepEqual(
    seen.json.allergies.map((a: any) => a.status),
    ['resolved'],
  )
  const clear = await prescribe(patient, DRUGS.amoxicillin250)
  assert.deepEqual(
    clear.findings.filter((f: any) => f.code === 'allergy'),
    [],
  )
  const broken = await fhir({ ...penicillin, code: {} })
  assert.equal(broken.status, 400)
  assert.equal(broken.json.errors[0].field, 'code')
})

test('who sees and records allergies: the patient, a practitioner who prescribed for them, pharmacy staff; anyone else gets 404', async () => {
  const patient = randomUUID()
  const body = { substance: 'sulfa drugs' }
  assert.equal((await allergies(patient, await rt.token('patient', { sub: patient }))).status, 200)
  assert.equal((await allergies(patient, await rt.token('patient'))).status, 404, "someone else's")
  assert.equal((await addAllergy(patient, body, await rt.token('patient'))).status, 404)
  assert.equal((await allergies(patient, await asDoctor())).status, 404, 'a practitioner who never prescribed for them')
  assert.equal((await addAllergy(patient, body, await asDoctor())).status, 404)
  await prescribe(patient, DRUGS.amoxicillin)
  const byDoctor = await addAllergy(patient, { ...body, code: '91939003', system: 'http://snomed.info/sct' }, await asDoctor())
  assert.equal(byDoctor.status, 201, JSON.stringify(byDoctor.json))
  assert.deepEqual([byDoctor.json.code, byDoctor.json.system, byDoctor.json.criticality], ['91939003', 'http://snomed.info/sct', null])
  assert.equal((await addAllergy(patient, { substance: 'NSAIDs' }, await rt.token('pharmacist'))).status, 201)
  assert.equal((await addAllergy(patient, body, await rt.token('technician'))).status, 403)
  assert.equal((await addAllergy(patient, body, await rt.token('admin'))).status, 403)
  assert.equal((await allergies(patient, await rt.token('driver'))).status, 403)
  assert.equal((await rt.request('GET', `/patients/${patient}/allergies`)).status, 401)
  const seen = await allergies(patient, await asDoctor())
  assert.deepEqual(
    seen.json.allergies.map((a: any) => a.substance),
    ['sulfa drugs', 'NSAIDs'],
  )
  assert.deepEqual((await allergies(patient, await rt.token('technician'))).json.allergies.length, 2)
  assert.equal((await addAllergy(patient, { substance: '' })).status, 400)
  assert.equal((await addAllergy(patient, { substance: 'latex', criticality: 'severe' })).status, 400)
  assert.equal((await allergies('not-a-uuid', await rt.token('admin'))).status, 400)
  const key = randomUUID()
  const once = await rt.request('POST', `/patients/${patient}/allergies`, {
    token: await rt.token('patient', { sub: patient }),
    body: { substance: 'codeine' },
    headers: { 'idempotency-key': key },
  })
  const again = await rt.request('POST', `/patients/${patient}/allergies`, {
    token: await rt.token('patient', { sub: patient }),
    body: { substance: 'codeine' },
    headers: { 'idempotency-key': key },
  })
  assert.equal(again.json.allergy_id, once.json.allergy_id, 'a retry records it once')
})
