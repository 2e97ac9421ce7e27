import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Drug } from '@apotheca/contracts'

const drug = (drug_id: string, name: string, ndc_code: string, dea_schedule: Drug['dea_schedule']): Drug => ({
  drug_id, name, nonproprietary_name: name, ndc_code, manufacturer: null, description: null, strength: null, dosage_form: null, route: null,
  active_ingredients: [name.toLowerCase()], rx_only: true, dea_schedule, price: { amount: 1299, currency: 'USD' }, rxcui: null, atc_codes: [],
})

/** Drugs the fake catalog knows: NDCs of the shared NCPDP and FHIR samples, one controlled substance. */
export const DRUGS = {
  amoxicillin: drug('6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e1f', 'Amoxicillin 500 MG Oral Capsule', '00093-3105-01', null),
  oxycodone: drug('7b1d5e2f-3a4c-5d5e-9f6a-7b8c9d0e1f2a', 'Oxycodone 5 MG Oral Tablet', '00406-0552-01', 'CII'),
  alprazolam: drug('8c2e6f3a-4b5d-5e6f-8a7b-8c9d0e1f2a3b', 'Alprazolam 0.5 MG Oral Tablet', '00067-2091-03', 'CIV'),
}
/** A drug id the fake catalog answers 503 for (the catalog is failing). */
export const FAILING_DRUG_ID = '9d3f7a4b-5c6e-4f7a-8b8c-9d0e1f2a3b4c'

const digits = (s: string) => s.replace(/\D/g, '')

/**
 * A stand-in for the catalog over HTTP, speaking its contract (GET /drugs/{id}, GET /drugs/search?ndc=):
 * the prescriptions runtime reaches it through APOTHECA_SERVICE_URLS as it would a remote catalog.
 */
export async function startFakeCatalog(): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    calls.push(`${req.method} ${url.pathname}${url.search}`)
    const send = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)) }
    const all = Object.values(DRUGS)
    if (url.pathname === '/drugs/search') {
      const ndc = digits(url.searchParams.get('ndc') ?? '')
      const results = all.filter((d) => ndc && digits(d.ndc_code) === ndc.padStart(11, '0'))
      return send(200, { results, total: results.length })
    }
    const id = /^\/drugs\/([^/]+)$/.exec(url.pathname)?.[1]
    if (id === FAILING_DRUG_ID) return send(503, { type: 'https://apotheca.dev/problems/internal', title: 'down', status: 503 })
    const d = all.find((x) => x.drug_id === id)
    return d ? send(200, d) : send(404, { type: 'https://apotheca.dev/problems/not-found', title: 'Drug not found', status: 404 })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => server.close(() => r())) }
}
