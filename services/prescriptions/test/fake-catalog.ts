import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Drug, InternalPractitioner } from '@apotheca/contracts'

const drug = (
  drug_id: string,
  name: string,
  ndc_code: string,
  dea_schedule: Drug['dea_schedule'],
  ingredient: string,
  atc: string[] = [],
  rxcui: string | null = null,
): Drug => ({
  drug_id,
  name,
  nonproprietary_name: name,
  ndc_code,
  manufacturer: null,
  description: null,
  strength: null,
  dosage_form: null,
  route: null,
  active_ingredients: [ingredient],
  rx_only: true,
  dea_schedule,
  price: { amount: 1299, currency: 'USD' },
  rxcui,
  atc_codes: atc,
})

/**
 * Drugs the fake catalog knows: NDCs of the shared NCPDP and FHIR samples, controlled substances, an
 * interacting pair, and RxNorm codes of Synthea's medication requests (two products for one concept:
 * the catalog's first is the one dispensed).
 */
export const DRUGS = {
  amoxicillin: drug(
    '6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e1f',
    'Amoxicillin 500 MG Oral Capsule',
    '00093-3105-01',
    null,
    'amoxicillin',
    ['J01CA04'],
    '308191',
  ),
  amoxicillin250: drug(
    '6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e20',
    'Amoxicillin 250 MG Oral Capsule',
    '00093-3107-01',
    null,
    'amoxicillin',
    ['J01CA04'],
    '308182',
  ),
  penicillinV: drug(
    '6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e30',
    'Penicillin V Potassium 500 MG Oral Tablet',
    '00093-1174-01',
    null,
    'penicillin v',
    ['J01CE02'],
    '834102',
  ),
  penicillinVOther: drug(
    '6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e31',
    'Penicillin V Potassium 500 MG Oral Tablet',
    '00143-9872-01',
    null,
    'penicillin v',
    ['J01CE02'],
    '834102',
  ),
  ampicillin: drug('6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e21', 'Ampicillin 500 MG Oral Capsule', '00093-3111-01', null, 'ampicillin', [
    'J01CA01',
  ]),
  oxycodone: drug('7b1d5e2f-3a4c-5d5e-9f6a-7b8c9d0e1f2a', 'Oxycodone 5 MG Oral Tablet', '00406-0552-01', 'CII', 'oxycodone'),
  alprazolam: drug('8c2e6f3a-4b5d-5e6f-8a7b-8c9d0e1f2a3b', 'Alprazolam 0.5 MG Oral Tablet', '00067-2091-03', 'CIV', 'alprazolam'),
  warfarin: drug('5e4d3c2b-1a09-4877-8665-544332211001', 'Warfarin 5 MG Oral Tablet', '00056-0172-70', null, 'warfarin', ['B01AA03']),
  ibuprofen: drug(
    '5e4d3c2b-1a09-4877-8665-544332211002',
    'Ibuprofen 800 MG Oral Tablet',
    '00904-5853-61',
    null,
    'ibuprofen',
    ['M01AE01'],
    '197807',
  ),
  acetaminophen: drug(
    '5e4d3c2b-1a09-4877-8665-544332211003',
    'Acetaminophen 325 MG Oral Tablet',
    '00904-6730-60',
    null,
    'acetaminophen',
    ['N02BE01'],
    '313782',
  ),
}
/** A drug id the fake catalog answers 503 for (the catalog is failing). */
export const FAILING_DRUG_ID = '9d3f7a4b-5c6e-4f7a-8b8c-9d0e1f2a3b4c'

/** Practitioners the fake identity knows (NPI, DEA numbers with valid check digits). */
export const PRACTITIONERS: Record<string, InternalPractitioner> = {
  doctor: { practitioner_id: '11111111-2222-4333-8444-555555555501', npi: '1234567893', dea_number: 'BH1234563', licence_state: 'NY' },
  noDea: { practitioner_id: '11111111-2222-4333-8444-555555555502', npi: '1234567893', dea_number: null, licence_state: 'NY' },
  badNpi: { practitioner_id: '11111111-2222-4333-8444-555555555503', npi: '1234567890', dea_number: 'BH1234563', licence_state: 'NY' },
  noLicence: { practitioner_id: '11111111-2222-4333-8444-555555555504', npi: '1234567893', dea_number: 'BH1234563', licence_state: null },
  civOnly: {
    practitioner_id: '11111111-2222-4333-8444-555555555505',
    npi: '1234567893',
    dea_number: 'BH1234563',
    licence_state: 'NY',
    dea_schedules: ['CIII', 'CIV', 'CV'],
  },
  badDea: { practitioner_id: '11111111-2222-4333-8444-555555555506', npi: '1234567893', dea_number: 'BH1234567', licence_state: 'NY' },
}
/** A practitioner id the fake identity answers 503 for. */
export const FAILING_PRACTITIONER_ID = '11111111-2222-4333-8444-5555555555ff'

const digits = (s: string) => s.replace(/\D/g, '')

/**
 * A stand-in for the catalog and identity over HTTP, speaking their contracts (GET /drugs/{id},
 * GET /drugs/search?ndc= and ?rxcui=, POST /internal/interactions/check, GET /internal/practitioners/{id}): the
 * prescriptions runtime reaches it through APOTHECA_SERVICE_URLS as it would remote services.
 */
/** A running fake catalog (and identity): its URL, the paths it was asked, and how to stop it. */
export interface FakeCatalog {
  url: string
  calls: string[]
  close(): Promise<void>
}

export async function startFakeCatalog(): Promise<FakeCatalog> {
  const calls: string[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    calls.push(`${req.method} ${url.pathname}${url.search}`)
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const notFound = (what: string) =>
      send(404, { type: 'https://apotheca.dev/problems/not-found', title: `${what} not found`, status: 404 })
    const all = Object.values(DRUGS)
    if (url.pathname === '/internal/interactions/check') {
      let raw = ''
      req.on('data', (c) => {
        raw += c
      })
      req.on('end', () => {
        const ids: string[] = JSON.parse(raw).drug_ids
        const has = (d: Drug) => ids.includes(d.drug_id)
        const interactions =
          has(DRUGS.warfarin) && has(DRUGS.ibuprofen)
            ? [
                {
                  drug_ids: [DRUGS.warfarin.drug_id, DRUGS.ibuprofen.drug_id],
                  ingredients: ['warfarin', 'ibuprofen'],
                  severity: 'high',
                  description: 'increased risk of bleeding',
                  source: 'ONC high-priority',
                },
              ]
            : []
        send(200, { interactions })
      })
      return
    }
    const pr = /^\/internal\/practitioners\/([^/]+)$/.exec(url.pathname)?.[1]
    if (pr) {
      if (pr === FAILING_PRACTITIONER_ID) return send(503, { title: 'down', status: 503 })
      const p = Object.values(PRACTITIONERS).find((x) => x.practitioner_id === pr)
      return p ? send(200, p) : notFound('Practitioner')
    }
    if (url.pathname === '/drugs/search') {
      const ndc = digits(url.searchParams.get('ndc') ?? '')
      const rxcui = url.searchParams.get('rxcui')
      const results = all.filter((d) => (ndc && digits(d.ndc_code) === ndc.padStart(11, '0')) || (rxcui && d.rxcui === rxcui))
      return send(200, { results: results.slice(0, Number(url.searchParams.get('limit') ?? 20)), total: results.length })
    }
    const id = /^\/drugs\/([^/]+)$/.exec(url.pathname)?.[1]
    if (id === FAILING_DRUG_ID) return send(503, { type: 'https://apotheca.dev/problems/internal', title: 'down', status: 503 })
    const d = all.find((x) => x.drug_id === id)
    return d ? send(200, d) : notFound('Drug')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => server.close(() => r())) }
}
