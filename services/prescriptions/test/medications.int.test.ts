import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { PatientMedications } from '@apotheca/contracts'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { internalToken, isoDay, reviewed, startWithFakeCatalog } from './helpers.ts'

// GET /internal/patients/{patientId}/medications: what the catalog checks a new drug against.
let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const doctor = PRACTITIONERS.doctor!.practitioner_id

async function submit(patient: string, drug: { drug_id: string }, prescriber = doctor) {
  const r = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: prescriber }),
    body: { patient_id: patient, drug_id: drug.drug_id, dosage: 'one tablet daily', quantity: 30, refill_count: 0, issue_date: isoDay() },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  return { id: r.json.prescription_id as string, status: await reviewed(rt, r.json.prescription_id) }
}

const medications = async (patient: string, token?: string) =>
  rt.request('GET', `/internal/patients/${patient}/medications`, { token: token ?? (await internalToken(rt)) })

test('prescriptions in force are active, medication history is not; rejected and lapsed ones are left out; every prescriber is named', async () => {
  const patient = randomUUID()
  const warfarin = await submit(patient, DRUGS.warfarin)
  const v = await rt.request('POST', `/prescriptions/${warfarin.id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(v.status, 200, JSON.stringify(v.json))
  const amoxicillin = await submit(patient, DRUGS.amoxicillin)
  const history = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: doctor }),
    headers: { 'content-type': 'application/fhir+json' },
    raw: JSON.stringify({
      resourceType: 'MedicationRequest',
      status: 'completed',
      intent: 'order',
      subject: { reference: `Patient/${patient}` },
      authoredOn: isoDay(-60),
      medicationCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: DRUGS.ibuprofen.ndc_code }] },
    }),
  })
  assert.equal(history.json.status, 'inactive')
  const stranger = randomUUID()
  const rejected = await submit(patient, DRUGS.alprazolam, stranger)
  assert.equal(rejected.status, 'rejected', 'an unknown prescriber is rejected by validation')
  const lapsed = await submit(patient, DRUGS.ampicillin)
  await rt.db.query(`UPDATE prescriptions.prescriptions SET issue_date = $2, expiry_date = $3 WHERE prescription_id = $1`, [
    lapsed.id,
    isoDay(-400),
    isoDay(-1),
  ])

  const r = await medications(patient)
  assert.equal(r.status, 200, JSON.stringify(r.json))
  const m = PatientMedications.parse(r.json)
  assert.equal(m.patient_id, patient)
  const byId = new Map(m.medications.map((x) => [x.prescription_id, x]))
  assert.deepEqual(byId.get(warfarin.id), {
    prescription_id: warfarin.id,
    drug_id: DRUGS.warfarin.drug_id,
    status: 'verified',
    active: true,
  })
  assert.deepEqual(byId.get(amoxicillin.id), {
    prescription_id: amoxicillin.id,
    drug_id: DRUGS.amoxicillin.drug_id,
    status: 'in_review',
    active: true,
  })
  assert.deepEqual(byId.get(history.json.prescription_id), {
    prescription_id: history.json.prescription_id,
    drug_id: DRUGS.ibuprofen.drug_id,
    status: 'inactive',
    active: false,
  })
  assert.equal(m.medications.length, 3, 'neither the rejected nor the lapsed prescription')
  assert.deepEqual(m.prescriber_ids, [doctor, stranger].sort(), 'whoever prescribed, even a rejected prescription')
})

test('an unknown patient has no medicines (200, not 404); only services may ask; a bad id is a 400', async () => {
  const unknown = randomUUID()
  const r = await medications(unknown)
  assert.equal(r.status, 200)
  assert.deepEqual(r.json, { patient_id: unknown, medications: [], prescriber_ids: [] })
  assert.equal((await rt.request('GET', `/internal/patients/${unknown}/medications`)).status, 401)
  assert.equal((await medications(unknown, await rt.token('pharmacist'))).status, 401, 'a user token is not a service token')
  assert.equal((await medications('not-a-uuid')).status, 400)
})

/** The audit events prescriptions wrote for reads of a patient's data, oldest first. */
const accesses = async (patient: string) =>
  (
    await rt.db.query<{ payload: any }>(
      `SELECT payload FROM prescriptions.outbox WHERE type = 'prescriptions.patient.accessed.v1' AND aggregate_id = $1 ORDER BY seq`,
      [patient],
    )
  ).rows.map((r) => r.payload)

test("asked on a person's behalf, the read follows their access and is audited; the patient's own reads are not", async () => {
  const patient = randomUUID()
  await submit(patient, DRUGS.warfarin)
  const onBehalf = async (actor: string, role: string) =>
    rt.request('GET', `/internal/patients/${patient}/medications?actor_id=${actor}&actor_role=${role}`, { token: await internalToken(rt) })
  const pharmacist = randomUUID()
  assert.equal((await onBehalf(pharmacist, 'pharmacist')).status, 200)
  assert.equal((await onBehalf(randomUUID(), 'practitioner')).status, 404, 'a practitioner who never prescribed for the patient')
  assert.equal((await onBehalf(randomUUID(), 'patient')).status, 404, 'another patient')
  assert.equal((await onBehalf(patient, 'patient')).status, 200, 'the patient themself')
  assert.equal(
    (await rt.request('GET', `/internal/patients/${patient}/medications?actor_id=${pharmacist}`, { token: await internalToken(rt) }))
      .status,
    400,
    'both or neither',
  )
  assert.equal(
    (await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('pharmacist', { sub: pharmacist }) })).status,
    200,
  )
  assert.equal(
    (await rt.request('GET', `/patients/${patient}/allergies`, { token: await rt.token('patient', { sub: patient }) })).status,
    200,
  )
  assert.equal(
    (await rt.request('GET', `/patients/${patient}/allergies`, { token: await rt.token('practitioner', { sub: doctor }) })).status,
    200,
  )
  assert.deepEqual(await accesses(patient), [
    { patient_id: patient, actor_id: pharmacist, purpose: 'medications', via: 'service:orders' },
    { patient_id: patient, actor_id: pharmacist, purpose: 'prescriptions', via: null },
    { patient_id: patient, actor_id: doctor, purpose: 'allergies', via: null },
  ])
})
