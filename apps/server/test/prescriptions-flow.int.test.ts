import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { internalTokens } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../src/modules.ts'

// Prescriptions with the real catalog in the same process (demo catalog loaded by seedDemo).
const INTERNAL_SECRET = 'prescriptions-flow-internal-secret-0123456789'
const NEWRX = new URL('../../../fixtures/ncpdp-script/cosyte-newrx-basic.xml', import.meta.url)
let rt: TestRuntime
let admin: string

before(async () => {
  rt = await startTestRuntime({
    modules: modulesFor(['catalog', 'prescriptions']),
    env: { APOTHECA_DEMO: '1', APOTHECA_INTERNAL_SECRET: INTERNAL_SECRET },
  })
  admin = await rt.token('admin')
})
after(async () => {
  await rt?.close()
})

const today = () => new Date().toISOString().slice(0, 10)

async function findDrug(q: string, controlled: boolean) {
  const r = await rt.request('GET', `/drugs/search?q=${encodeURIComponent(q)}&limit=50`, { token: admin })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  const drug = r.json.results.find((d: any) => (controlled ? d.dea_schedule === 'CII' : !d.dea_schedule))
  assert.ok(drug, `the catalog finds ${q}`)
  return drug as { drug_id: string; ndc_code: string; dea_schedule: string | null }
}

/** Submits, then waits until the review consumer has moved it past received/validating. */
async function submit(body: Record<string, unknown>) {
  const r = await rt.request('POST', '/prescriptions/submit', { token: await rt.token('practitioner'), body })
  if (r.status === 201) r.json.reviewed = await reviewed(r.json.prescription_id)
  return r
}

async function reviewed(id: string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await rt.db.query<{ status: string }>(`SELECT status FROM prescriptions.prescriptions WHERE prescription_id = $1`, [
      id,
    ])
    if (rows[0] && !['received', 'validating'].includes(rows[0].status)) return rows[0].status
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`prescription ${id} was not reviewed`)
}

/** A pharmacist token whose second factor is ten minutes old (the clock is turned back while it is minted). */
async function staleMfaToken() {
  const realNow = Date.now
  Date.now = () => realNow() - 10 * 60_000
  try {
    return await rt.token('pharmacist', { mfa: true })
  } finally {
    Date.now = realNow
  }
}

test('submit against the catalog, verify, and orders sees a verified, signed prescription', async () => {
  const drug = await findDrug('amoxicillin', false)
  const patient = randomUUID()
  const r = await submit({
    patient_id: patient,
    drug_id: drug.drug_id,
    dosage: '500 mg three times daily',
    quantity: 30,
    refill_count: 1,
    issue_date: today(),
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.status, 'received')
  assert.equal(r.json.reviewed, 'in_review')
  const queue = await rt.request('GET', '/prescriptions/queue?limit=100', { token: await rt.token('pharmacist') })
  assert.equal(queue.json.prescriptions.find((p: any) => p.prescription_id === r.json.prescription_id).drug_confirmed, true)
  const v = await rt.request('POST', `/prescriptions/${r.json.prescription_id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(v.status, 200, JSON.stringify(v.json))
  const token = await internalTokens(INTERNAL_SECRET, 'orders').mint()
  const internal = await rt.request('GET', `/internal/prescriptions/${r.json.prescription_id}`, { token })
  assert.equal(internal.status, 200)
  assert.equal(internal.json.status, 'verified')
  assert.equal(internal.json.drug_id, drug.drug_id)
  assert.equal(internal.json.signature_valid, true)
})

test('an unknown drug is a 422 naming drug_id', async () => {
  const r = await submit({
    patient_id: randomUUID(),
    drug_id: randomUUID(),
    dosage: 'one daily',
    quantity: 30,
    refill_count: 0,
    issue_date: today(),
  })
  assert.equal(r.status, 422)
  assert.equal(r.json.errors[0].field, 'body.drug_id')
})

test('schedule II: no refills, and approval needs a fresh second factor', async () => {
  const drug = await findDrug('oxycodone', true)
  const base = {
    patient_id: randomUUID(),
    drug_id: drug.drug_id,
    dosage: '5 mg every 6 hours as needed',
    quantity: 20,
    issue_date: today(),
  }
  const refills = await submit({ ...base, refill_count: 1 })
  assert.equal(refills.status, 422)
  assert.equal(refills.json.errors[0].field, 'body.refill_count')
  const r = await submit({ ...base, refill_count: 0 })
  assert.equal(r.status, 201)
  const url = `/prescriptions/${r.json.prescription_id}/verify`
  const stale = await rt.request('POST', url, { token: await staleMfaToken(), body: { decision: 'approve' } })
  assert.equal(stale.status, 403)
  assert.equal(stale.json.type, 'https://apotheca.dev/problems/step-up-required')
  // identity is not in this process: the prescriber's DEA registration is unchecked, and approving overrides that finding.
  const bare = await rt.request('POST', url, { token: await rt.token('pharmacist', { mfa: true }), body: { decision: 'approve' } })
  assert.equal(bare.status, 422)
  assert.equal(bare.json.findings[0].code, 'prescriber_dea_unverified')
  const ok = await rt.request('POST', url, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve', override_reason: 'prescriber_consulted' },
  })
  assert.equal(ok.status, 200, JSON.stringify(ok.json))
})

test('an NCPDP NewRx naming a catalog NDC in 11 plain digits is resolved to that drug', async () => {
  const drug = await findDrug('amoxicillin', false)
  const patient = randomUUID()
  const xml = readFileSync(NEWRX, 'utf8')
    .replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>FLOW-${randomUUID()}</MessageID>`)
    .replace(
      /<ProductCode Qualifier="ND">[^<]*<\/ProductCode>/,
      `<ProductCode Qualifier="ND">${drug.ndc_code.replace(/-/g, '')}</ProductCode>`,
    )
    .replace('<HumanPatient>', `<HumanPatient><Identification><PatientAccountNumber>${patient}</PatientAccountNumber></Identification>`)
  const r = await rt.request('POST', '/prescriptions/submit', {
    raw: xml,
    token: await rt.token('practitioner'),
    headers: { 'content-type': 'application/xml' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: admin })
  assert.equal(list.json.prescriptions[0].drug_id, drug.drug_id)
})

test('DUR asks the real catalog over its internal interaction route: warfarin then aspirin is a finding to override', async () => {
  const byName = async (q: string) => {
    const r = await rt.request('GET', `/drugs/search?q=${encodeURIComponent(q)}&limit=50`, { token: admin })
    const d = r.json.results.find((x: any) => !x.dea_schedule && x.name.toLowerCase().includes(q))
    assert.ok(d, `the catalog finds ${q}`)
    return d as { drug_id: string }
  }
  const [warfarin, aspirin] = [await byName('warfarin'), await byName('aspirin')]
  const patient = randomUUID()
  const base = { patient_id: patient, dosage: 'one tablet daily', quantity: 30, refill_count: 0, issue_date: today() }
  const w = await submit({ ...base, drug_id: warfarin.drug_id })
  assert.equal(w.json.reviewed, 'in_review')
  const a = await submit({ ...base, drug_id: aspirin.drug_id })
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: admin })
  const p = list.json.prescriptions.find((x: any) => x.prescription_id === a.json.prescription_id)
  const finding = p.findings.find((f: any) => f.code === 'interaction')
  assert.ok(finding, JSON.stringify(p.findings))
  assert.deepEqual(finding.related, [w.json.prescription_id])
  const url = `/prescriptions/${a.json.prescription_id}/verify`
  assert.equal(
    (await rt.request('POST', url, { token: await rt.token('pharmacist', { mfa: true }), body: { decision: 'approve' } })).status,
    422,
  )
  assert.equal(
    (
      await rt.request('POST', url, {
        token: await rt.token('pharmacist', { mfa: true }),
        body: { decision: 'approve', override_reason: 'benefit_outweighs_risk' },
      })
    ).status,
    200,
  )
})

test("the patient + candidate interaction check reads the patient's medicines from the real prescriptions service", async () => {
  const byName = async (q: string) =>
    (await rt.request('GET', `/drugs/search?q=${encodeURIComponent(q)}&limit=50`, { token: admin })).json.results.find(
      (x: any) => !x.dea_schedule && x.name.toLowerCase().includes(q),
    ) as { drug_id: string }
  const [warfarin, aspirin] = [await byName('warfarin'), await byName('aspirin')]
  const patient = randomUUID()
  const prescriber = randomUUID()
  const w = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: prescriber }),
    body: {
      patient_id: patient,
      drug_id: warfarin.drug_id,
      dosage: 'one tablet daily',
      quantity: 30,
      refill_count: 0,
      issue_date: today(),
    },
  })
  assert.equal(w.status, 201)
  const check = (token: string) =>
    rt.request('POST', '/interactions/check', { token, body: { patient_id: patient, drug_ids: [aspirin.drug_id] } })
  const pharmacist = randomUUID()
  const r = await check(await rt.token('pharmacist', { sub: pharmacist }))
  assert.equal(r.status, 200, JSON.stringify(r.json))
  const pair = r.json.interactions.find((i: any) => i.existing_drug_id === warfarin.drug_id)
  assert.ok(pair, JSON.stringify(r.json))
  assert.deepEqual(pair.drug_ids, [aspirin.drug_id, warfarin.drug_id])
  assert.deepEqual(pair.existing_prescription_ids, [w.json.prescription_id])
  assert.equal((await check(await rt.token('patient', { sub: patient }))).status, 200, 'the patient themself')
  assert.equal((await check(await rt.token('practitioner', { sub: prescriber }))).status, 200, 'their prescriber')
  assert.equal((await check(await rt.token('patient'))).status, 404, 'another patient')
  assert.equal((await check(await rt.token('practitioner'))).status, 404, 'a practitioner who never prescribed for them')
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM prescriptions.outbox WHERE type = 'prescriptions.patient.accessed.v1' AND aggregate_id = $1 ORDER BY seq`,
    [patient],
  )
  assert.deepEqual(
    rows.map((x) => [x.payload.actor_id, x.payload.purpose]),
    [
      [pharmacist, 'medications'],
      [prescriber, 'medications'],
    ],
    "the reads by the pharmacist and the prescriber are audited; the patient's own and the refused ones are not",
  )
  for (const x of rows)
    assert.match(x.payload.via, /^service:.*catalog/, "asked through the catalog (the token names the calling process's services)")
})

const SYNTHEA = new URL('../../../fixtures/synthea-fhir-r4/', import.meta.url)
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm'

test(
  "with the real catalog, Synthea's RxNorm-coded medication requests resolve for the 28 of their 41 codes the catalog has products for",
  { timeout: 300_000 },
  async () => {
    const resolved = new Set<string>()
    const unresolved = new Set<string>()
    for (const file of readdirSync(SYNTHEA).filter((f) => f.endsWith('.json'))) {
      const raw = readFileSync(new URL(file, SYNTHEA), 'utf8')
      const requests = JSON.parse(raw)
        .entry.map((e: any) => e.resource)
        .filter((x: any) => x.resourceType === 'MedicationRequest')
      const r = await rt.request('POST', '/prescriptions/submit', {
        raw,
        token: await rt.token('practitioner'),
        headers: { 'content-type': 'application/fhir+json' },
      })
      assert.equal(r.status, 201, JSON.stringify(r.json).slice(0, 300))
      for (const [i, p] of r.json.prescriptions.entries()) {
        const rxcui = requests[i].medicationCodeableConcept.coding.find((c: any) => c.system === RXNORM).code
        const { rows } = await rt.db.query<{ drug_id: string | null; drug_resolution: string | null }>(
          'SELECT drug_id, drug_resolution FROM prescriptions.prescriptions WHERE prescription_id = $1',
          [p.prescription_id],
        )
        if (rows[0]!.drug_resolution === 'rxcui') resolved.add(`${rxcui} ${rows[0]!.drug_id}`)
        else unresolved.add(rxcui)
      }
    }
    const codes = new Set([...resolved].map((x) => x.split(' ')[0]!))
    assert.equal(codes.size, 28, `resolved: ${[...codes].join(', ')}`)
    assert.equal(codes.size + unresolved.size, 41, 'every code either resolves every time or never')
    assert.equal(resolved.size, codes.size, "one code, one product: the catalog's first")
    for (const pair of resolved) {
      const [rxcui, drugId] = pair.split(' ')
      const drug = (await rt.request('GET', `/drugs/${drugId}`, { token: admin })).json
      assert.equal(drug.rxcui, rxcui, "the product is one of the concept's")
    }
  },
)
