import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import { FAILING_PATIENT_ID, fakePrescriptions } from './fake-prescriptions.ts'

// POST /interactions/check with a patient: candidates against the patient's active medicines, on the real catalog.
let rt: TestRuntime
const fake = fakePrescriptions()
before(async () => {
  rt = await startTestRuntime({ modules: [catalog, fake.module], env: { APOTHECA_DEMO: '1' } })
})
after(async () => {
  await rt?.close()
})

async function drugWith(ingredient: string): Promise<string> {
  const r = await rt.request('GET', `/drugs/search?ingredient=${encodeURIComponent(ingredient)}&limit=100`)
  const d = r.json.results.find((x: any) => x.active_ingredients.length === 1 && x.active_ingredients[0] === ingredient)
  assert.ok(d, `a single-ingredient ${ingredient} product`)
  return d.drug_id
}

/** A patient on warfarin (in force) who once took phenelzine (history), prescribed by `doctor`. */
async function patientOnWarfarin() {
  const [warfarin, phenelzine, amiodarone, sertraline, amoxicillin] = await Promise.all(
    ['warfarin', 'phenelzine', 'amiodarone', 'sertraline', 'amoxicillin'].map(drugWith),
  )
  const patientId = randomUUID()
  const doctor = randomUUID()
  const rx = { warfarin: randomUUID(), warfarinRefill: randomUUID(), phenelzine: randomUUID() }
  fake.patients.set(patientId, {
    patient_id: patientId,
    medications: [
      { prescription_id: rx.warfarin, drug_id: warfarin!, status: 'verified', active: true },
      { prescription_id: rx.warfarinRefill, drug_id: warfarin!, status: 'in_review', active: true },
      { prescription_id: rx.phenelzine, drug_id: phenelzine!, status: 'inactive', active: false },
    ],
    prescriber_ids: [doctor],
  })
  return {
    patientId,
    doctor,
    rx,
    drugs: { warfarin: warfarin!, phenelzine: phenelzine!, amiodarone: amiodarone!, sertraline: sertraline!, amoxicillin: amoxicillin! },
  }
}

const check = async (token: string, body: unknown) => rt.request('POST', '/interactions/check', { token, body })

test("candidates are checked against the patient's active medicines and each other; history is left out", async () => {
  const { patientId, rx, drugs } = await patientOnWarfarin()
  const r = await check(await rt.token('patient', { sub: patientId }), {
    patient_id: patientId,
    drug_ids: [drugs.amiodarone, drugs.sertraline, drugs.amoxicillin],
  })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.patient_id, patientId)
  const pairs = r.json.interactions.map((i: any) => [i.ingredients, i.severity, i.existing_drug_id, i.existing_prescription_ids])
  assert.deepEqual(pairs, [
    [['amiodarone', 'warfarin'], 'high', drugs.warfarin, [rx.warfarin, rx.warfarinRefill]],
    [['sertraline', 'warfarin'], 'moderate', drugs.warfarin, [rx.warfarin, rx.warfarinRefill]],
  ])
  assert.deepEqual(r.json.interactions[0].drug_ids, [drugs.amiodarone, drugs.warfarin], 'the candidate first, the medicine second')
  // Phenelzine × sertraline is a high-severity pair, but phenelzine is history only.
  assert.ok(!JSON.stringify(r.json).includes(drugs.phenelzine))
  // One candidate is enough with a patient; pairs among candidates carry no existing medicine.
  const one = await check(await rt.token('pharmacist'), { patient_id: patientId, drug_ids: [drugs.amoxicillin] })
  assert.deepEqual([one.status, one.json.interactions], [200, []])
  const among = await check(await rt.token('pharmacist'), { patient_id: patientId, drug_ids: [drugs.sertraline, drugs.phenelzine] })
  const [pair] = among.json.interactions.filter((i: any) => i.drug_ids.includes(drugs.phenelzine))
  assert.deepEqual([pair.ingredients, pair.existing_drug_id, pair.existing_prescription_ids], [['sertraline', 'phenelzine'], null, []])
})

test('a patient only for themself, a practitioner only for a patient they prescribed for, staff for anyone (else 404)', async () => {
  const { patientId, doctor, drugs } = await patientOnWarfarin()
  const body = { patient_id: patientId, drug_ids: [drugs.amiodarone] }
  const status = async (role: Parameters<TestRuntime['token']>[0], sub?: string) =>
    (await check(await rt.token(role, sub ? { sub } : {}), body)).status
  assert.equal(await status('patient', patientId), 200)
  const before = fake.calls.length
  assert.equal(await status('patient'), 404)
  assert.equal(fake.calls.length, before, "another patient's medicines are not even fetched")
  assert.equal(await status('practitioner', doctor), 200)
  assert.equal(await status('practitioner'), 404)
  for (const role of ['pharmacist', 'technician', 'admin'] as const) assert.equal(await status(role), 200, role)
  assert.equal(await status('driver'), 403)
  const unknown = await check(await rt.token('practitioner', { sub: doctor }), { patient_id: randomUUID(), drug_ids: [drugs.amiodarone] })
  assert.equal(unknown.status, 404)
  assert.match(String(unknown.headers['content-type']), /application\/problem\+json/)
})

test('prescriptions failing is a 503 problem; unknown candidates a 404; bad bodies a 400', async () => {
  const { patientId, drugs } = await patientOnWarfarin()
  const token = await rt.token('pharmacist')
  const down = await check(token, { patient_id: FAILING_PATIENT_ID, drug_ids: [drugs.amiodarone] })
  assert.equal(down.status, 503)
  assert.match(String(down.headers['content-type']), /application\/problem\+json/)
  assert.equal(down.json.type, 'https://apotheca.dev/problems/dependency-unavailable')
  const missing = randomUUID()
  const unknown = await check(token, { patient_id: patientId, drug_ids: [drugs.amiodarone, missing] })
  assert.deepEqual([unknown.status, unknown.json.drug_ids], [404, [missing]])
  for (const body of [
    { patient_id: patientId, drug_ids: [] },
    { patient_id: 'nope', drug_ids: [drugs.amiodarone] },
    { drug_ids: [drugs.amiodarone] },
  ]) {
    const r = await check(token, body)
    assert.equal(r.status, 400, JSON.stringify(body))
  }
})

test('the OpenAPI document describes the patient form', async () => {
  const r = await rt.request('GET', '/openapi.json')
  const op = r.json.paths['/interactions/check'].post
  assert.match(op.summary, /patient_id/)
  assert.ok(JSON.stringify(op).includes('patient_id'))
})
