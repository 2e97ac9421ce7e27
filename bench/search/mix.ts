import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

// What people type into a pharmacy search box: full names (generic and brand), type-ahead prefixes,
// misspellings, NDCs in the forms on labels and in claims, and ingredient lookups, some with filters.
const NAMES = [
  'amoxicillin',
  'lisinopril',
  'atorvastatin',
  'metformin',
  'ibuprofen',
  'sertraline',
  'omeprazole',
  'lipitor',
  'zoloft',
  'gabapentin',
  'amlodipine',
  'levothyroxine',
  'prednisone',
  'acetaminophen',
  'losartan',
  'hydrochlorothiazide',
]
const PREFIXES = ['amox', 'lisi', 'ator', 'metf', 'ibu', 'sert', 'gaba', 'amlo', 'levo', 'pred', 'ome', 'losa', 'hydro', 'cet']
const TYPOS = [
  'amoxicilin',
  'ibuprofin',
  'lisinoprill',
  'atorvastatine',
  'metforman',
  'sertralin',
  'gabapentine',
  'amlodipin',
  'omeprazol',
  'levothyroxin',
]
const INGREDIENTS = ['sertraline', 'amoxicillin', 'metformin', 'oxycodone', 'warfarin', 'insulin glargine', 'albuterol', 'fluoxetine']
const FILTERS = ['', '', '', '&rx_only=true', '&rx_only=false', '&dosage_form=oral%20tablet']

/** A deterministic mix of search URLs (weights: 30% names, 25% prefixes, 15% typos, 15% NDCs, 15% ingredients). */
export function searchMix(count: number): string[] {
  const ndcs = sampleNdcs(200)
  let seed = 42
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!
  const urls: string[] = []
  for (let i = 0; i < count; i++) {
    const r = rnd()
    const f = pick(FILTERS)
    if (r < 0.3) urls.push(`/drugs/search?q=${encodeURIComponent(pick(NAMES))}${f}`)
    else if (r < 0.55) urls.push(`/drugs/search?q=${pick(PREFIXES)}&limit=10`)
    else if (r < 0.7) urls.push(`/drugs/search?q=${pick(TYPOS)}${f}`)
    else if (r < 0.85) urls.push(`/drugs/search?ndc=${encodeURIComponent(pick(ndcs))}`)
    else urls.push(`/drugs/search?ingredient=${encodeURIComponent(pick(INGREDIENTS))}${f}`)
  }
  return urls
}

/** Real NDCs from the shipped catalog, in the forms people use: 5-4-2, 11 digits, the FDA 10-digit form. */
function sampleNdcs(n: number): string[] {
  const lines = gunzipSync(readFileSync(new URL('../../services/catalog/data/drugs.tsv.gz', import.meta.url)))
    .toString('utf8')
    .split('\n')
  const out: string[] = []
  const step = Math.floor(lines.length / n)
  for (let i = 0; i < n; i++) {
    const [, ndc = '', hyphenated = ''] = lines[i * step]!.split('\t')
    out.push([ndc, ndc.replaceAll('-', ''), hyphenated === '\\N' ? ndc : hyphenated][i % 3]!)
  }
  return out
}
