import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, reviewed, startWithFakeCatalog } from './helpers.ts'

// Every FHIR MedicationRequest example and every Synthea patient bundle of the repository's fixtures/ is taken in.
const DATA = new URL('../../../fixtures/', import.meta.url)
const EXAMPLES = readdirSync(new URL('fhir-r4-examples/', DATA)).filter((f) => f.startsWith('MedicationRequest-'))
const BUNDLES = readdirSync(new URL('synthea-fhir-r4/', DATA)).filter((f) => f.endsWith('.json'))
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm'
let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const post = async (raw: string) =>
  rt.request('POST', '/prescriptions/submit', {
    raw,
    token: await rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id }),
    headers: { 'content-type': 'application/fhir+json' },
  })

/** API.md: stopped, completed, cancelled, entered-in-error, expired, a non-order intent, or a lapsed validity → medication history. */
function expectedStatus(mr: any): 'inactive' | 'received' {
  if (['stopped', 'completed', 'cancelled', 'entered-in-error', 'expired'].includes(mr.status)) return 'inactive'
  if (!['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'].includes(mr.intent)) return 'inactive'
  const end = mr.dispenseRequest?.validityPeriod?.end?.slice(0, 10)
  return mr.status === 'active' && end && end < isoDay() ? 'inactive' : 'received'
}

async function settle(p: { prescription_id: string; status: string }, want: string) {
  assert.equal(p.status, want)
  if (want === 'received') assert.ok(['in_review', 'rejected'].includes(await reviewed(rt, p.prescription_id)))
}

test('there are samples to take', () => {
  assert.ok(EXAMPLES.length >= 20)
  assert.ok(BUNDLES.length >= 30)
})

for (const file of EXAMPLES) {
  test(`FHIR example ${file} is recorded`, async () => {
    const raw = readFileSync(new URL(`fhir-r4-examples/${file}`, DATA), 'utf8')
    const r = await post(raw)
    assert.equal(r.status, 201, JSON.stringify(r.json))
    await settle(r.json, expectedStatus(JSON.parse(raw)))
  })
}

for (const file of BUNDLES) {
  test(`Synthea bundle ${file.replace(/_[0-9a-f-]{36}\.json$/, '')}: one prescription per MedicationRequest`, async () => {
    const raw = readFileSync(new URL(`synthea-fhir-r4/${file}`, DATA), 'utf8')
    const resources = JSON.parse(raw).entry.map((e: any) => e.resource)
    const requests = resources.filter((x: any) => x.resourceType === 'MedicationRequest')
    const r = await post(raw)
    assert.equal(r.status, 201, JSON.stringify(r.json).slice(0, 300))
    assert.equal(r.json.prescriptions.length, requests.length)
    // Synthea's allergies are all food or environment: recorded, matching no drug.
    assert.equal(r.json.allergies.length, resources.filter((x: any) => x.resourceType === 'AllergyIntolerance').length)
    for (const a of r.json.allergies) assert.deepEqual(a.matches, { ingredients: [], atc_prefixes: [] }, a.substance)
    for (const [i, p] of r.json.prescriptions.entries()) {
      await settle(p, expectedStatus(requests[i]))
      const rxcui = requests[i].medicationCodeableConcept?.coding?.find((c: any) => c.system === RXNORM)?.code
      const matched = Object.values(DRUGS).some((d) => d.rxcui === rxcui)
      if (p.status === 'received')
        assert.equal(
          p.notes?.some((n: string) => /RxNorm \d+/.test(n)) ?? false,
          !matched,
          `RxNorm ${rxcui}: resolved by the catalog, or the pharmacist sees the code to match`,
        )
    }
  })
}
