#!/usr/bin/env node
// The data this script emits is under third-party licences: see services/catalog/data/DATA-NOTICE.md.
//
// build-catalog-data.mjs — builds the catalog seed data that ships inside the repo
// (the product at run time cannot read the shared data directory).
//
// Usage (from the repo root):
//   node services/catalog/scripts/build-catalog-data.mjs [SHARED_DATA_DIR] [OUT_DIR]
//     SHARED_DATA_DIR  default: ../shared/data        (relative to the repo root)
//     OUT_DIR          default: services/catalog/data (relative to the repo root)
//
// Plain Node 20 ESM; only node: built-ins. Deterministic: same input -> byte-identical .gz
// (rows are sorted, gzip header mtime is 0 and the OS byte is forced to 3/"Unix"; the deflate
// stream itself depends on the zlib bundled with Node, which is stable across Node 20 releases).
//
// Inputs (all under SHARED_DATA_DIR):
//   catalog/catalog_products.csv.gz        one row per package NDC (117,453 rows in the sample)
//   catalog/fda_ndc_rxnorm_atc_ingredients_2020-06-17.csv.gz
//                                          only its in_rxcui -> in_name pairs: catalog_products aggregates
//                                          `ingredients` and `ingredient_rxcuis` as two independently sorted
//                                          lists, so this map is used to put the RxCUIs in ingredient order
//   ndc/fda_ndc_unfinished_product.tsv     SUBSTANCENAME -> DEASCHEDULE (bulk ingredients)
//   ddi/onc_high_priority_ddi_pairs.csv
//   ddi/onc_high_priority_ddi_pairs_drugbank_mapped.csv
//   ddi/onc_noninterruptive_ddi_pairs.csv
//   ddi/va_ndfrt_ddi_pairs_with_severity.csv
//
// ─── Output 1: drugs.tsv.gz ─────────────────────────────────────────────────────────────────
// PostgreSQL COPY text format (tab-separated, no header, \N = NULL, backslash escapes).
// Column order:
//    1 drug_id                 uuid     UUID v5 of ndc11 under namespace 6f1d7d2e-3c5a-4b8e-9a51-2d0c6b7e4a10
//    2 ndc_code                text     11-digit NDC as 5-4-2, e.g. 00002-0800-01
//    3 ndc_package_hyphenated  text     FDA 10-digit hyphenated package NDC as in source, or \N
//    4 product_ndc             text     FDA labeler-product code, or \N
//    5 name                    text     best human name (never empty)
//    6 nonproprietary_name     text     ingredients, e.g. "Amoxicillin / Clavulanate", or \N
//    7 brand_name              text     RxTerms brand name (as given, upper case) or \N
//    8 strength                text     RxTerms strength, e.g. "500 mg", or \N
//    9 dosage_form             text     RxNorm dose form, e.g. "Oral Capsule", or \N
//   10 route                   text     RxTerms route, e.g. "Oral Pill", or \N
//   11 ingredients             text[]   lower-case RxNorm ingredient names ({} if unknown; for rows with none
//                                       in the source they are inferred from another NDC of the same brand)
//   12 ingredient_rxcuis       text[]   RxCUIs of those ingredients (same order)
//   13 rxcui                   text     RxCUI of the product, or \N
//   14 atc_codes               text[]   WHO ATC level-5 codes ({} if none)
//   15 dea_schedule            text     CI | CII | CIII | CIV | CV | \N   (CI = not dispensable)
//   16 rx_only                 boolean  t | f
//   17 rx_only_source          text     nadac | otc_monograph_table | default_rx
//   18 dea_schedule_source     text     fda_ndc_substance | cfr_table | \N
//   19 price_minor             integer  US cents for one package (see PRICE RULE below)
//   20 price_source            text     nadac | default
//   21 manufacturer            text     always \N (the source has no labeler)
//   22 description             text     short generated description, or \N
//
// ─── Output 2: interactions.tsv.gz ──────────────────────────────────────────────────────────
//    1 ingredient_a  text   lower-case ingredient name, ingredient_a < ingredient_b (code-point order)
//    2 ingredient_b  text
//    3 severity      text   high | moderate | low
//    4 description   text   e.g. "ONC high-priority DDI: Amphetamine derivatives × MAOI"
//    5 source        text   onc_high_priority | onc_noninterruptive | va_ndfrt
//
// Writes only these two files; DATA-NOTICE.md and README.md next to them are maintained by hand.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { gunzipSync, gzipSync, constants as zc } from 'node:zlib'
import { createHash } from 'node:crypto'
import { dirname, resolve, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const t0 = process.hrtime.bigint()
const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = resolve(SCRIPT_DIR, '..', '..', '..')
const SHARED = resolve(REPO_ROOT, process.argv[2] ?? '../shared/data')
const OUT_DIR = resolve(REPO_ROOT, process.argv[3] ?? 'services/catalog/data')

const NAMESPACE = '6f1d7d2e-3c5a-4b8e-9a51-2d0c6b7e4a10'

// ════════════════════════════════════════════════════════════════════════════════════════════
// Small utilities
// ════════════════════════════════════════════════════════════════════════════════════════════

/**
 * RFC 4180 CSV parser: quoted fields with "" escapes, embedded separators/newlines, CRLF or LF.
 * With quote = '' (TSV), quotes are ordinary characters. Scans with indexOf for speed.
 */
function parseDelimited(text, sep = ',', quote = '"') {
  const rows = []
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0 // BOM
  let nl = -2 // cached index of the next '\n' at or after i
  while (i < n) {
    const row = []
    for (;;) {
      let field
      if (quote && text[i] === quote) {
        let j = i + 1
        field = ''
        for (;;) {
          const k = text.indexOf(quote, j)
          if (k < 0) throw new Error('CSV: unterminated quoted field')
          field += text.slice(j, k)
          if (text[k + 1] === quote) {
            field += quote
            j = k + 2
            continue
          }
          i = k + 1
          break
        }
        if (i < n && text[i] !== sep && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          throw new Error(`CSV: unexpected character after closing quote at offset ${i}`)
        }
        nl = -2
      } else {
        if (nl < i && nl !== -1) nl = text.indexOf('\n', i)
        const s = text.indexOf(sep, i)
        let end = nl === -1 ? n : nl
        if (s !== -1 && s < end) end = s
        field = text.slice(i, end)
        if (end === nl && field.endsWith('\r')) field = field.slice(0, -1)
        if (end === n && field.endsWith('\r')) field = field.slice(0, -1)
        i = end
      }
      row.push(field)
      if (i < n && text[i] === sep) {
        i++
        continue
      }
      if (text[i] === '\r') i++
      if (text[i] === '\n') i++
      break
    }
    rows.push(row)
  }
  return rows
}

function readTable(path, { sep = ',', quote = '"', gz = false } = {}) {
  if (!existsSync(path)) throw new Error(`missing input: ${path}`)
  let buf = readFileSync(path)
  if (gz) buf = gunzipSync(buf)
  const rows = parseDelimited(buf.toString('utf8'), sep, quote)
  const header = rows.shift()
  const out = []
  for (const r of rows) {
    if (r.length === 1 && r[0] === '') continue // blank line
    if (r.length !== header.length)
      throw new Error(`${path}: row has ${r.length} fields, header has ${header.length}: ${r.join('|').slice(0, 200)}`)
    const o = {}
    for (let k = 0; k < header.length; k++) o[header[k]] = r[k]
    out.push(o)
  }
  return out
}

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
function uuidv5(name, namespace) {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex')
  if (ns.length !== 16) throw new Error('bad namespace uuid')
  const h = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest()
  const b = h.subarray(0, 16)
  b[6] = (b[6] & 0x0f) | 0x50 // version 5
  b[8] = (b[8] & 0x3f) | 0x80 // RFC 4122 variant (10xx)
  const x = b.toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}
// Known-answer test (RFC 4122 DNS namespace, "www.example.com") — guards the bit twiddling.
if (uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8') !== '2ed6657d-e927-568b-95e1-2665a8aea6a2') {
  throw new Error('uuidv5 self-test failed')
}

/** PostgreSQL COPY text-format field. null/undefined -> \N. */
function pgText(v) {
  if (v === null || v === undefined) return '\\N'
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}
/** PostgreSQL array literal (before COPY escaping). */
function pgArray(items) {
  return (
    '{' +
    items
      .map((s) => {
        if (s === '' || /^null$/i.test(s) || /[{}",\\\s]/.test(s)) return '"' + s.replace(/[\\"]/g, '\\$&') + '"'
        return s
      })
      .join(',') +
    '}'
  )
}
const nz = (s) => (s === undefined || s === null || String(s).trim() === '' ? null : String(s).trim())
const splitList = (s) =>
  nz(s)
    ? s
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
    : []
const cap1 = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s)
const collapse = (s) => s.replace(/\s+/g, ' ').trim()

function gzipDeterministic(buf) {
  const gz = gzipSync(buf, { level: 9, memLevel: 9, strategy: zc.Z_DEFAULT_STRATEGY })
  gz[9] = 3 // OS = Unix regardless of build platform; mtime bytes 4..7 are already 0
  return gz
}

const report = []
const log = (...a) => report.push(a.join(' '))
const inc = (m, k, by = 1) => m.set(k, (m.get(k) ?? 0) + by)
const fmtMap = (m) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .map(([k, v]) => `    ${String(k).padEnd(28)} ${v}`)
    .join('\n')

// ════════════════════════════════════════════════════════════════════════════════════════════
// DEA schedule
// ════════════════════════════════════════════════════════════════════════════════════════════

const SCHED_RANK = { CI: 1, CII: 2, CIII: 3, CIV: 4, CV: 5 } // lower = stricter

// Salt / ester / hydrate words stripped from the END of a substance name, so that
// "OXYCODONE HYDROCHLORIDE" also matches the RxNorm ingredient "oxycodone".
const SALT_WORDS = new Set(
  `hydrochloride hcl dihydrochloride sulfate bitartrate tartrate phosphate citrate sodium potassium
dipotassium calcium magnesium dimesylate mesylate maleate cypionate propionate enanthate undecanoate decanoate acetate
saccharate aspartate monohydrate hemihydrate dihydrate trihydrate sesquihydrate pentahydrate anhydrous hydrobromide
besylate fumarate succinate lactate gluconate bromide chloride nitrate pamoate napsylate hyclate polistirex resinate
base teoclate valerate benzoate bisulfate oxalate xinafoate tromethamine epolamine mucate na`
    .split(/\s+/)
    .filter(Boolean),
)
function saltStrip(name) {
  const w = name.split(' ')
  while (w.length > 1 && SALT_WORDS.has(w[w.length - 1])) w.pop()
  return w.join(' ')
}
const normSubstance = (s) => collapse(s.toLowerCase().replace(/[()]/g, ' '))

// Fallback table of well-known US federal schedules by substance (21 CFR 1308.12 = CII,
// 1308.13 = CIII, 1308.14 = CIV, 1308.15 = CV; 1308.11 = CI). Used when the FDA unfinished-drug
// file has no confident value for a substance, and it wins when the two disagree (the FDA bulk
// file has a few obvious data-entry errors, e.g. rosuvastatin or lansoprazole marked CII).
// Names are RxNorm ingredient names (lower case). Not exhaustive; only federal law (states add more).
const CFR_TABLE = {
  // 21 CFR 1308.12 — Schedule II
  oxycodone: 'CII',
  hydrocodone: 'CII',
  morphine: 'CII',
  hydromorphone: 'CII',
  oxymorphone: 'CII',
  fentanyl: 'CII',
  sufentanil: 'CII',
  alfentanil: 'CII',
  remifentanil: 'CII',
  methadone: 'CII',
  meperidine: 'CII',
  codeine: 'CII',
  tapentadol: 'CII',
  levorphanol: 'CII',
  opium: 'CII',
  cocaine: 'CII',
  amphetamine: 'CII',
  dextroamphetamine: 'CII',
  methamphetamine: 'CII',
  lisdexamfetamine: 'CII',
  methylphenidate: 'CII',
  dexmethylphenidate: 'CII',
  pentobarbital: 'CII',
  secobarbital: 'CII',
  nabilone: 'CII',
  dihydrocodeine: 'CII',
  diphenoxylate: 'CII',
  // 21 CFR 1308.13 — Schedule III
  buprenorphine: 'CIII',
  ketamine: 'CIII',
  esketamine: 'CIII',
  testosterone: 'CIII',
  methyltestosterone: 'CIII',
  nandrolone: 'CIII',
  oxandrolone: 'CIII',
  oxymetholone: 'CIII',
  stanozolol: 'CIII',
  benzphetamine: 'CIII',
  phendimetrazine: 'CIII',
  butalbital: 'CIII',
  dronabinol: 'CIII',
  perampanel: 'CIII',
  'sodium oxybate': 'CIII',
  trenbolone: 'CIII',
  // 21 CFR 1308.14 — Schedule IV
  alprazolam: 'CIV',
  lorazepam: 'CIV',
  diazepam: 'CIV',
  clonazepam: 'CIV',
  clorazepate: 'CIV',
  chlordiazepoxide: 'CIV',
  temazepam: 'CIV',
  triazolam: 'CIV',
  midazolam: 'CIV',
  oxazepam: 'CIV',
  estazolam: 'CIV',
  flurazepam: 'CIV',
  quazepam: 'CIV',
  clobazam: 'CIV',
  zolpidem: 'CIV',
  zaleplon: 'CIV',
  eszopiclone: 'CIV',
  tramadol: 'CIV',
  carisoprodol: 'CIV',
  phenobarbital: 'CIV',
  modafinil: 'CIV',
  armodafinil: 'CIV',
  phentermine: 'CIV',
  diethylpropion: 'CIV',
  suvorexant: 'CIV',
  lemborexant: 'CIV',
  butorphanol: 'CIV',
  pentazocine: 'CIV',
  meprobamate: 'CIV',
  'chloral hydrate': 'CIV',
  solriamfetol: 'CIV',
  eluxadoline: 'CIV',
  // 21 CFR 1308.11 — Schedule I (no accepted medical use; never dispensable). Only pure difenoxin is
  // listed here; its atropine combinations are handled by the combination rules (CIV/CV).
  difenoxin: 'CI',
  // 21 CFR 1308.15 — Schedule V
  pregabalin: 'CV',
  lacosamide: 'CV',
  brivaracetam: 'CV',
  cenobamate: 'CV',
  ezogabine: 'CV',
  lasmiditan: 'CV',
}

function buildFdaScheduleMap(rows) {
  // votes: normalised name -> Map(schedule|'' -> count), single-substance rows only
  const votes = new Map()
  let single = 0,
    multi = 0
  for (const r of rows) {
    const sub = nz(r.SUBSTANCENAME)
    if (!sub) continue
    if (sub.includes(';')) {
      multi++
      continue
    }
    single++
    const sched = nz(r.DEASCHEDULE) ?? ''
    if (sched && !(sched in SCHED_RANK)) continue
    const full = normSubstance(sub)
    const keys = new Set([full, saltStrip(full)])
    for (const k of keys) {
      if (!votes.has(k)) votes.set(k, new Map())
      inc(votes.get(k), sched)
    }
  }
  // Decide: the most frequent schedule wins if it is unique and is either listed on 2+ rows or on at
  // least as many rows as the unscheduled listings. Bulk-ingredient listings often leave DEASCHEDULE
  // empty (pregabalin: CV×4 vs empty×25), so a plain majority would miss real controlled substances;
  // a single stray CII among 20+ unscheduled rows (rosuvastatin, lansoprazole, memantine) is noise.
  // Erring towards "scheduled" is the safe direction for a pharmacy.
  const map = new Map()
  const rejected = []
  for (const [k, v] of votes) {
    const none = v.get('') ?? 0
    const scheds = [...v.entries()].filter(([s]) => s).sort((a, b) => b[1] - a[1])
    if (!scheds.length) continue
    const [best, cnt] = scheds[0]
    if (scheds.length > 1 && scheds[1][1] === cnt) {
      rejected.push(`${k}: tie ${scheds.map(([s, c]) => `${s}×${c}`).join('/')}`)
      continue
    }
    if (cnt < 2 && cnt < none) {
      rejected.push(`${k}: ${best}×${cnt} vs unscheduled×${none}`)
      continue
    }
    map.set(k, best)
  }
  return { map, single, multi, rejected }
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// OTC (non-prescription) table — applied only when NADAC has no OTC flag.
// Short and deliberately conservative: a product is marked OTC only if it matches an entry on
// ingredient(s) + route + strength, and only where no prescription product with the same
// ingredient/strength/form is commonly marketed. Sources: FDA OTC monographs (21 CFR 331 antacids,
// 341 cough/cold/antihistamine, 343 internal analgesics, 334 laxatives, 335 antidiarrheal) and
// NDA Rx-to-OTC switches (loratadine, cetirizine, fexofenadine, omeprazole, famotidine, naproxen
// sodium, loperamide). Everything else defaults to prescription-only (the safe default).
// ════════════════════════════════════════════════════════════════════════════════════════════
const ORAL_ROUTES = new Set(['Oral Pill', 'Oral Liquid', 'Chewable', 'Disintegrating'])
const isSolidOral = (route, form) =>
  route === 'Oral Pill' || route === 'Chewable' || route === 'Disintegrating' || /\b(tablet|capsule)\b/i.test(form ?? '')
// kind: 'solid' strength "<n> mg" per unit, max mg inclusive; 'liquid' strength "<n> mg/<m>ml", max mg/mL;
// formRe (optional) must match the RxNorm dose form.
const OTC_TABLE = {
  ibuprofen: [{ kind: 'solid', maxMg: 200 }], // 21 CFR 343 / NDA switch; Rx is 400+ mg
  naproxen: [{ kind: 'solid', exactMg: [220] }], // naproxen sodium 220 mg (Rx: 275/550)
  acetaminophen: [
    { kind: 'solid', maxMg: 500 },
    { kind: 'liquid', maxMgPerMl: 32 },
  ], // 21 CFR 343
  aspirin: [{ kind: 'solid', maxMg: 325 }], // 21 CFR 343
  loratadine: [
    { kind: 'solid', exactMg: [10] },
    { kind: 'liquid', maxMgPerMl: 1 },
  ],
  cetirizine: [
    { kind: 'solid', exactMg: [5, 10] },
    { kind: 'liquid', maxMgPerMl: 1 },
  ],
  fexofenadine: [{ kind: 'solid', exactMg: [60, 180] }],
  diphenhydramine: [
    { kind: 'solid', maxMg: 25 },
    { kind: 'liquid', maxMgPerMl: 2.5 },
  ], // 21 CFR 341.72
  famotidine: [{ kind: 'solid', exactMg: [10] }], // 20 mg exists as Rx and OTC -> left Rx
  omeprazole: [{ kind: 'solid', exactMg: [20], formRe: /delayed release.*tablet|enteric coated tablet/i }], // Rx is capsule
  guaifenesin: [
    { kind: 'solid', maxMg: 400 },
    { kind: 'liquid', maxMgPerMl: 40 },
  ], // 21 CFR 341.18; ER 600/1200 also OTC
  dextromethorphan: [
    { kind: 'solid', maxMg: 30 },
    { kind: 'liquid', maxMgPerMl: 3 },
  ], // 21 CFR 341.14
  loperamide: [
    { kind: 'solid', exactMg: [2] },
    { kind: 'liquid', maxMgPerMl: 0.2 },
  ],
  'calcium carbonate': [{ kind: 'solid', maxMg: 1250 }], // 21 CFR 331 antacid
  docusate: [{ kind: 'solid', maxMg: 250 }], // 21 CFR 334 (proposed) stool softener
  bisacodyl: [{ kind: 'solid', exactMg: [5] }], // 21 CFR 334 stimulant laxative
}
// Cough/cold combination products (21 CFR 341.40): oral, 2+ ingredients, ALL from this set, not ER.
const OTC_COMBO_SET = new Set([
  'acetaminophen',
  'dextromethorphan',
  'guaifenesin',
  'phenylephrine',
  'chlorpheniramine',
  'doxylamine',
  'diphenhydramine',
  'brompheniramine',
])

function otcMatch(ingredients, strength, route, form) {
  if (!ingredients.length || !route || !ORAL_ROUTES.has(route)) return null
  if (ingredients.length >= 2) {
    if (ingredients.every((i) => OTC_COMBO_SET.has(i)) && !/extended release/i.test(form ?? '')) return 'combo'
    return null
  }
  const rules = OTC_TABLE[ingredients[0]]
  if (!rules || !strength) return null
  const s = strength.toLowerCase().replace(/\s+/g, ' ').trim()
  let m
  for (const r of rules) {
    if (r.formRe && !r.formRe.test(form ?? '')) continue
    if (r.kind === 'solid' && isSolidOral(route, form) && (m = /^(\d+(?:\.\d+)?) mg$/.exec(s))) {
      const mg = Number(m[1])
      if (r.maxMg !== undefined && mg <= r.maxMg) return 'single'
      if (r.exactMg && r.exactMg.includes(mg)) return 'single'
    }
    if (r.kind === 'liquid' && route === 'Oral Liquid' && (m = /^(\d+(?:\.\d+)?) mg\/(\d*(?:\.\d+)?) ?ml$/.exec(s))) {
      const perMl = Number(m[1]) / (m[2] === '' ? 1 : Number(m[2]))
      if (perMl <= r.maxMgPerMl + 1e-9) return 'single'
    }
  }
  return null
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// PRICE RULE (demo pricing; integers, US cents, one package)
//   If the NDC has a NADAC price (brand NDCs only, 2025):
//     price = round(nadac_per_unit[USD] × 100 × Q × 1.2) + 1000   (cents; 20% markup + $10 dispensing fee)
//     Q (assumed package quantity — the source has no package description):
//       pricing unit EA: 30 for tablets/capsules (solid oral), else 1
//       pricing unit ML: 10      pricing unit GM: 30
//   Else a default by dosage-form class (DEFAULT_PRICE below), source 'default'.
// These are placeholders for a demo shop, not real retail prices.
// ════════════════════════════════════════════════════════════════════════════════════════════
const DEFAULT_PRICE = {
  solid_oral: 1500,
  oral_liquid: 1800,
  topical: 2000,
  eye_ear_nose: 2500,
  inhalation: 4500,
  injectable: 6000,
  other: 2000,
}
function formClass(route, form, nadacDesc) {
  const f = `${route ?? ''} ${form ?? ''}`.toLowerCase()
  if (isSolidOral(route, form) || (!route && !form && /\b(TABLET|CAPSULE|TAB|CAP)\b/.test(nadacDesc ?? ''))) return 'solid_oral'
  if (/inject|syringe|implant/.test(f) || (!route && !form && /\b(VIAL|SYRINGE|PEN|INJ|CARTRIDGE|AUTO-INJ)/.test(nadacDesc ?? '')))
    return 'injectable'
  if (/oral liquid|oral solution|oral suspension/.test(f)) return 'oral_liquid'
  if (/inhal/.test(f) || (!route && !form && /\b(INHALER|INH|NEBULIZER)\b/.test(nadacDesc ?? ''))) return 'inhalation'
  if (/ophthalmic|otic|nasal/.test(f) || (!route && !form && /\b(DROPS?|EYE)\b/.test(nadacDesc ?? ''))) return 'eye_ear_nose'
  if (/topical|cream|ointment|gel|lotion|shampoo|soap|transdermal|patch|foam|pad/.test(f)) return 'topical'
  return 'other'
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// Names
// ════════════════════════════════════════════════════════════════════════════════════════════
// RxTerms 2022 display names are "NAME (ROUTE)" with punctuation stripped by the upstream script
// (e.g. "amLODIPineHydrochlorothiazideOlmesartan Oral Pill"). We re-split "(route)" off the end
// using the RxTerms route vocabulary, re-insert " / " between ingredients where a lower-case
// letter runs into a Capitalised word, and undo FDA "tall man" lettering (amLODIPine -> amlodipine).
const EXTRA_DISPLAY_ROUTES = [
  'Oral Pill',
  'Oral Liquid',
  'Oral Suspension Powder',
  'Oral Solution Powder',
  'Oral Disintegrating',
  'Oral Lozenge',
  'Oral Granules',
  'Oral Film',
  'Oral Pellet',
  'Oral Suspension Tablet',
  'Oral Suspension Granules',
  'Oral Solution Granules',
  'Oral Gel',
  'Oral Foam',
  'Oral Powder',
  'Oral Strip',
  'Oral Paste',
  'Oral Cream',
  'Oral Spray',
  'Injectable',
  'Topical',
  'Inhalant',
  'Chewable',
  'Disintegrating',
  'Pack',
  'Toothpaste',
  'Mouthwash',
  'Shampoo',
  'Soap',
  'Ophthalmic',
  'Otic',
  'Nasal',
  'Rectal',
  'Vaginal',
  'Transdermal',
  'Sublingual',
  'Buccal',
  'Lozenge',
  'Granules',
  'Implant',
  'Irrigation',
  'Mucosal',
  'Paste',
  'Prefilled Applicator',
  'Intrauterine',
  'Urethral',
  'Dental',
  'Misc',
  'Enteral',
  'Pump',
  'Film',
  'Powder',
  'Effervescent',
  'Intraperitoneal',
  'Intratracheal',
  'Oral Ointment',
]
const DISPLAY_ROUTES = new Set(EXTRA_DISPLAY_ROUTES)

function untallman(word) {
  if (word.length <= 3) return word
  if (!/[a-z]/.test(word) || !/[A-Z]/.test(word)) return word // all upper (brand) or all lower
  if (/^[A-Z][a-z'-]+$/.test(word)) return word // Ordinary Capitalised
  return word.toLowerCase()
}
function cleanDisplay(raw) {
  const s = nz(raw)
  if (!s) return null
  const words = s.split(/\s+/)
  let route = null
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const cand = words.slice(-k).join(' ')
    if (DISPLAY_ROUTES.has(cand)) {
      route = cand
      words.length -= k
      break
    }
  }
  let body = words.join(' ')
  // split "AmoxicillinClavulanate" -> "Amoxicillin / Clavulanate" (lower followed by Upper+lower)
  body = body.replace(/([a-z])([A-Z][a-z])/g, '$1 / $2')
  body = body
    .split(' / ')
    .map((seg) => cap1(seg.split(' ').map(untallman).join(' ')))
    .join(' / ')
  return { text: route ? `${body} (${route})` : body, body, route }
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// Build drugs
// ════════════════════════════════════════════════════════════════════════════════════════════
/** in_rxcui -> in_name (lower case) from the FDA NDC -> RxNorm source file. */
function readIngredientRxcuiMap() {
  const rows = readTable(join(SHARED, 'catalog', 'fda_ndc_rxnorm_atc_ingredients_2020-06-17.csv.gz'), { gz: true })
  const byRxcui = new Map()
  for (const r of rows) {
    const rx = nz(r.in_rxcui),
      name = nz(r.in_name)
    if (!rx || !name || rx === 'NA' || name === 'NA') continue
    const n = collapse(name.toLowerCase())
    const prev = byRxcui.get(rx)
    if (prev && prev !== n) throw new Error(`in_rxcui ${rx} has two names: ${prev} / ${n}`)
    byRxcui.set(rx, n)
  }
  return byRxcui
}

function buildDrugs() {
  const products = readTable(join(SHARED, 'catalog', 'catalog_products.csv.gz'), { gz: true })
  const rxcuiName = readIngredientRxcuiMap()
  let reordered = 0
  const fda = readTable(join(SHARED, 'ndc', 'fda_ndc_unfinished_product.tsv'), { sep: '\t', quote: '' })
  for (const r of products) if (nz(r.route)) DISPLAY_ROUTES.add(r.route.trim())

  const { map: fdaSched, single, multi, rejected } = buildFdaScheduleMap(fda)
  log(
    `DEA map from ndc/fda_ndc_unfinished_product.tsv: ${fda.length} rows, ${single} single-substance used, ${multi} multi-substance ignored;`,
    `${fdaSched.size} substance names (incl. salt-stripped forms) with a confident schedule.`,
  )
  if (rejected.length) log(`  FDA names with no confident schedule (falling back to CFR table if listed): ${rejected.join('; ')}`)
  const overrides = []
  for (const [k, v] of Object.entries(CFR_TABLE)) {
    if (fdaSched.has(k) && fdaSched.get(k) !== v) overrides.push(`${k}: fda=${fdaSched.get(k)} cfr=${v}`)
  }
  log(
    `  CFR table entries: ${Object.keys(CFR_TABLE).length}; disagreements with FDA (CFR used): ${overrides.length ? overrides.join('; ') : 'none'}`,
  )

  function scheduleOf(ing) {
    // -> [schedule, source] | null
    const cands = [ing, saltStrip(ing)]
    for (const c of cands) if (c in CFR_TABLE && fdaSched.has(c) && fdaSched.get(c) !== CFR_TABLE[c]) return [CFR_TABLE[c], 'cfr_table']
    for (const c of cands) if (fdaSched.has(c)) return [fdaSched.get(c), 'fda_ndc_substance']
    for (const c of cands) if (c in CFR_TABLE) return [CFR_TABLE[c], 'cfr_table']
    return null
  }
  const scheduledNames = [...new Set([...fdaSched.keys(), ...Object.keys(CFR_TABLE)])].sort()
  function scheduleFromText(text) {
    const t = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `
    const hits = scheduledNames
      .filter((k) => t.includes(` ${k} `))
      .map((k) => scheduleOf(k))
      .filter(Boolean)
    hits.sort((a, b) => SCHED_RANK[a[0]] - SCHED_RANK[b[0]])
    return hits[0] ?? null
  }
  const isLiquid = (route, form, strength) =>
    route === 'Oral Liquid' || /solution|suspension|syrup|elixir/i.test(form ?? '') || /ml/i.test(strength ?? '')

  function productSchedule(ings, route, form, strength) {
    const per = ings.map((i) => [i, scheduleOf(i)])
    const controlled = per.filter(([, s]) => s)
    if (!controlled.length) return null
    const uncontrolled = per.filter(([, s]) => !s).map(([i]) => i)
    const adj = controlled.map(([i, s]) => {
      // Combination-product rules (narcotic + non-narcotic active ingredients), 21 CFR:
      // (The quantity limits of those paragraphs are assumed to hold for marketed products.)
      if (i === 'codeine' && uncontrolled.length) {
        // 1308.15(c): ≤200 mg codeine/100 mL preparations with non-narcotic ingredients -> CV;
        // 1308.13(e): ≤90 mg codeine/dosage unit with non-narcotic ingredients -> CIII.
        return isLiquid(route, form, strength) ? ['CV', 'cfr_table'] : ['CIII', 'cfr_table']
      }
      if (i === 'dihydrocodeine' && uncontrolled.length) return ['CIII', 'cfr_table'] // 1308.13(e)
      if (i === 'diphenoxylate' && uncontrolled.includes('atropine')) return ['CV', 'cfr_table'] // 1308.15(c): ≤2.5 mg + ≥25 µg atropine
      if (i === 'difenoxin' && uncontrolled.includes('atropine')) return ['CIV', 'cfr_table'] // 1308.14: 1 mg + 25 µg atropine (0.5 mg is CV)
      return s
    })
    adj.sort((a, b) => SCHED_RANK[a[0]] - SCHED_RANK[b[0]] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    return adj[0]
  }

  // Ingredient names in source order with their RxCUIs aligned to them.
  function aligned(r) {
    const ingsRaw = splitList(r.ingredients)
    const ings = ingsRaw.map((s) => collapse(s.toLowerCase()))
    const ingRxSorted = splitList(r.ingredient_rxcuis)
    if (ingRxSorted.length !== ings.length) throw new Error(`${r.ndc11}: ingredients/rxcuis length mismatch`)
    const byName = new Map(ingRxSorted.map((rx) => [rxcuiName.get(rx), rx]))
    const ingRx = ings.map((n) => byName.get(n))
    if (ingRx.some((x) => x === undefined) || new Set(ingRx).size !== ingRx.length) {
      throw new Error(`${r.ndc11}: cannot align ingredient RxCUIs ${ingRxSorted} with ${ings}`)
    }
    return { ingsRaw, ings, ingRx, reordered: ingRx.some((x, k) => x !== ingRxSorted[k]) }
  }

  // Brand -> ingredients, learned from rows that have ingredients. Used to fill in the ingredients of
  // rows that have none (the NADAC-only NDCs, e.g. "FOCALIN XR 10 MG CAPSULE", "SUBOXONE 8 MG-2 MG SL
  // FILM", and a few RxTerms-only rows), so that DEA scheduling and interaction checks see them.
  const brandKey = (x) => collapse(x.toUpperCase().replace(/[^A-Z0-9 ]/g, ''))
  const brandMap = new Map() // key -> {ingsRaw, ingRx} | null (ambiguous)
  const addBrand = (key, a) => {
    if (!key || !/[A-Z]/.test(key)) return
    const prev = brandMap.get(key)
    if (prev === null) return
    if (prev && prev.ingsRaw.join('|') !== a.ingsRaw.join('|')) {
      brandMap.set(key, null)
      return
    }
    if (!prev) brandMap.set(key, { ingsRaw: a.ingsRaw, ingRx: a.ingRx })
  }
  const preDigitWords = (desc) => {
    const w = []
    for (const t of desc.split(/\s+/)) {
      if (/\d/.test(t)) break
      w.push(t)
    }
    return w
  }
  for (const r of products) {
    if (!nz(r.ingredients)) continue
    const a = aligned(r)
    if (nz(r.brand_name)) addBrand(brandKey(r.brand_name), a)
    const raw = nz(r.display_name_2022_stripped)
    if (raw && !/[a-z]/.test(raw.split(/\s+/)[0])) {
      const d = cleanDisplay(raw)
      if (d && !/[a-z]/.test(d.body)) addBrand(brandKey(d.body), a)
    }
    if (nz(r.nadac_description)) addBrand(brandKey(preDigitWords(r.nadac_description).join(' ')), a)
  }
  // Words that may be dropped from the end of a NADAC brand prefix (release/form modifiers only —
  // never words such as HCT that change the ingredients).
  const DROPPABLE = new Set([
    'XR',
    'XL',
    'ER',
    'DR',
    'LA',
    'SR',
    'CR',
    'ODT',
    'MLT',
    'ZYDIS',
    'PF',
    'HFA',
    'JR',
    'Z',
    'SOLUSPAN',
    'OCUDOSE',
    'EYE',
    'DROP',
    'DROPS',
    'GELATIN',
    'CAPSULE',
    'TABLET',
    'SOLUTION',
    'SUSPENSION',
    'PATCH',
    'FILM',
    'SL',
    'LOTION',
  ])
  function inferIngredients(r) {
    const cands = []
    if (nz(r.brand_name)) cands.push(brandKey(r.brand_name))
    const desc = nz(r.nadac_description)
    if (desc) {
      const w = preDigitWords(desc).map(brandKey).filter(Boolean)
      while (w.length) {
        cands.push(w.join(' '))
        if (!DROPPABLE.has(w[w.length - 1])) break
        w.pop()
      }
      // also the first word alone when everything after it is droppable
      if (w.length > 1 && w.slice(1).every((x) => DROPPABLE.has(x))) cands.push(w[0])
    }
    for (const c of cands) {
      const v = brandMap.get(c)
      if (v) return { ...v, key: c }
    }
    return null
  }

  const stats = {
    written: 0,
    skipped: new Map(),
    dea: new Map(),
    deaSource: new Map(),
    rx: new Map(),
    price: new Map(),
    nameFrom: new Map(),
    otcKinds: new Map(),
    ciProducts: [],
    inferred: [],
    noIngredients: [],
  }
  const out = []
  const seen = new Set()
  for (const r of products) {
    const ndc11 = nz(r.ndc11)
    if (!ndc11 || !/^\d{11}$/.test(ndc11)) {
      inc(stats.skipped, 'ndc11 missing or not 11 digits')
      continue
    }
    if (seen.has(ndc11)) {
      inc(stats.skipped, 'duplicate ndc11')
      continue
    }
    seen.add(ndc11)

    const a = aligned(r)
    let { ingsRaw, ings, ingRx } = a
    if (a.reordered) reordered++
    if (!ings.length) {
      const inf = inferIngredients(r)
      if (inf) {
        ingsRaw = inf.ingsRaw
        ingRx = inf.ingRx
        ings = ingsRaw.map((x) => collapse(x.toLowerCase()))
        stats.inferred.push(`${nz(r.nadac_description) ?? nz(r.brand_name)} -> ${ings.join('+')}`)
      } else stats.noIngredients.push(nz(r.nadac_description) ?? nz(r.rxnorm_full_name) ?? ndc11)
    }
    const atc = [...new Set(splitList(r.atc5))]
    const fullName = nz(r.rxnorm_full_name)
    const brand = nz(r.brand_name)
    const strength = nz(r.strength)
    const form = nz(r.rxnorm_dose_form) ?? nz(r.dose_form_group)
    const disp = cleanDisplay(r.display_name_2022_stripped)
    const route = nz(r.route) ?? disp?.route ?? null
    const nadacDesc = nz(r.nadac_description)

    // nonproprietary name: ingredient names, first letter capitalised, " / " between them.
    // (RxTerms FULL_GENERIC_NAME is a clinical-drug name with strength and form, so it is only the fallback.)
    const nonprop = ingsRaw.length ? ingsRaw.map((s) => cap1(collapse(s))).join(' / ') : (nz(r.generic_name) ?? null)

    // name
    let name, nameFrom
    if (brand) {
      // RxNorm SBD names carry the brand in its own casing: "... [Strattera]"
      const m = fullName && /\[([^\]]+)\]\s*$/.exec(fullName)
      name = m && m[1].toLowerCase() === brand.toLowerCase() ? m[1] : brand
      nameFrom = 'brand_name'
    } else if (fullName) {
      name = fullName
      nameFrom = 'rxnorm_full_name'
    } else if (disp?.text) {
      name = disp.text
      nameFrom = 'display_name_2022'
    } else if (nadacDesc) {
      name = nadacDesc
      nameFrom = 'nadac_description'
    } else if (nonprop) {
      name = strength ? `${nonprop} ${strength}` : nonprop
      nameFrom = 'ingredients'
    } else {
      name = `NDC ${ndc11}`
      nameFrom = 'ndc (no name in any source)'
    }
    inc(stats.nameFrom, nameFrom)

    // description
    let description = null
    if (fullName) description = fullName
    else if (nameFrom === 'display_name_2022') {
      const bodyIsIngredients = disp.body.toLowerCase().replace(/[^a-z0-9]/g, '') === ings.join('').replace(/[^a-z0-9]/g, '')
      description = nonprop && !bodyIsIngredients ? `${disp.text}: ${nonprop}` : disp.text
    } else if (nameFrom === 'nadac_description') description = nadacDesc
    else if (nonprop && route) description = `${nonprop} (${route})`

    // DEA (rows that still have no ingredients: look for a scheduled substance name in the name text)
    const sched = ings.length ? productSchedule(ings, route, form, strength) : scheduleFromText(`${name} ${description ?? ''}`)
    inc(stats.dea, sched ? sched[0] : '(none)')
    if (sched) inc(stats.deaSource, sched[1])
    if (sched && sched[0] === 'CI') stats.ciProducts.push(`${ndc11} ${name}`)

    // Rx only
    let rxOnly, rxSrc
    const otcFlag = nz(r.nadac_otc)
    if (otcFlag === 'Y' || otcFlag === 'N') {
      rxOnly = otcFlag === 'N'
      rxSrc = 'nadac'
    } else {
      const k = sched ? null : otcMatch(ings, strength, route, form) // a controlled substance is never OTC here
      if (k) {
        rxOnly = false
        rxSrc = 'otc_monograph_table'
        inc(stats.otcKinds, k)
      } else {
        rxOnly = true
        rxSrc = 'default_rx'
      }
    }
    inc(stats.rx, `${rxSrc} rx_only=${rxOnly ? 't' : 'f'}`)

    // price
    let price, priceSrc
    const perUnit = nz(r.nadac_per_unit)
    const fc = formClass(route, form, nadacDesc)
    if (perUnit && Number.isFinite(Number(perUnit)) && Number(perUnit) > 0) {
      const unit = nz(r.nadac_pricing_unit)
      const q = unit === 'ML' ? 10 : unit === 'GM' ? 30 : fc === 'solid_oral' ? 30 : 1
      price = Math.round(Number(perUnit) * 100 * q * 1.2) + 1000 // NADAC is USD per unit -> cents
      priceSrc = 'nadac'
    } else {
      price = DEFAULT_PRICE[fc]
      priceSrc = 'default'
    }
    if (!Number.isSafeInteger(price) || price <= 0 || price > 2_000_000_000) throw new Error(`${ndc11}: bad price ${price}`)
    inc(stats.price, priceSrc)

    const ndc = `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`
    out.push([
      ndc11,
      [
        uuidv5(ndc11, NAMESPACE),
        ndc,
        nz(r.ndc_package_hyphenated),
        nz(r.product_ndc),
        name,
        nonprop,
        brand,
        strength,
        form,
        route,
        pgArray(ings),
        pgArray(ingRx),
        nz(r.rxcui),
        pgArray(atc),
        sched ? sched[0] : null,
        rxOnly ? 't' : 'f',
        rxSrc,
        sched ? sched[1] : null,
        String(price),
        priceSrc,
        null,
        description,
      ],
    ])
  }
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const text = out.map(([, cols]) => cols.map(pgText).join('\t')).join('\n') + '\n'
  stats.written = out.length
  log(`ingredient_rxcuis re-ordered to match ingredient order in ${reordered} rows (map of ${rxcuiName.size} ingredient RxCUIs)`)
  return { text, stats, products, scheduleOf, productSchedule, out, rxcuiName }
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// Build interactions
// ════════════════════════════════════════════════════════════════════════════════════════════
// Spelling fixes / INN->USAN synonyms so that DDI names meet the RxNorm ingredient names used in
// drugs.tsv (several are typos in the source lists, kept there as "quirks").
const DDI_SYNONYMS = {
  esmoprazole: 'esomeprazole',
  lisdexamefetamine: 'lisdexamfetamine',
  voreconazole: 'voriconazole',
  demecariuim: 'demecarium',
  pethidine: 'meperidine',
  rifampicin: 'rifampin',
  methylergometrine: 'methylergonovine',
  glibenclamide: 'glyburide',
  'st john’s wort': "st. john's wort",
  "st john's wort": "st. john's wort",
  'hypericum perforatum': "st. john's wort",
  "hypericum perforatum (st. john's wort)": "st. john's wort",
  'thyroid usp': 'thyroid (usp)',
  thyroid: 'thyroid (usp)',
  cobalamin: 'vitamin b 12',
  'iron-dextran': 'iron-dextran complex',
  'iron sucrose complex': 'iron sucrose',
  aminosalicylate: 'aminosalicylic acid',
  zoledronate: 'zoledronic acid',
  'atazanavir so4': 'atazanavir',
  cyanocobalamin: 'vitamin b 12',
  alcohol: 'ethanol',
  'ferric na gluconate complex': 'sodium ferric gluconate complex',
  'oleandomycin (as troleandomycin)': 'troleandomycin',
  'stavudine (d4t)': 'stavudine',
  'zalcitabine (dideoxycytidine,ddc)': 'zalcitabine',
}
// Class names that appear in a drug column (a quirk of ONC high-priority group 23) — not a drug.
const DDI_CLASS_NAMES = new Set(['nsaid', 'nsaids'])

function buildInteractions(products, rxcuiToName) {
  const catalogNames = new Set()
  for (const r of products) for (const s of splitList(r.ingredients)) catalogNames.add(collapse(s.toLowerCase()))
  // Known RxNorm ingredient names: every IN/MIN name in the FDA NDC -> RxNorm file (superset of the catalog sample).
  const known = new Set([...catalogNames, ...rxcuiToName.values()])
  const D = (f) => join(SHARED, 'ddi', f)
  const files = {
    onc: readTable(D('onc_high_priority_ddi_pairs.csv')),
    oncDb: readTable(D('onc_high_priority_ddi_pairs_drugbank_mapped.csv')),
    nonint: readTable(D('onc_noninterruptive_ddi_pairs.csv')),
    va: readTable(D('va_ndfrt_ddi_pairs_with_severity.csv')),
  }
  const basic = (s) => {
    const n = collapse((s ?? '').toLowerCase())
    return DDI_SYNONYMS[n] ?? n
  }
  // ...plus the plain names used by the DDI lists themselves (so "HALOFANTRINE HYDROCHLORIDE" meets "Halofantrine")
  for (const r of [...files.onc, ...files.oncDb, ...files.nonint])
    for (const c of [r.object_drug, r.precipitant_drug]) if (nz(c)) known.add(basic(c))
  const norm = (s) => {
    let n = basic(s)
    if (!n) return null
    if (DDI_CLASS_NAMES.has(n)) return null
    // "FLUVASTATIN SODIUM" -> "fluvastatin" only when the base name is a known ingredient name
    if (!known.has(n)) {
      const b = saltStrip(n)
      if (b !== n && known.has(b)) n = b
    }
    return n
  }
  const SEV_RANK = { high: 3, moderate: 2, low: 1 }
  const SRC_RANK = { onc_high_priority: 3, va_ndfrt: 2, onc_noninterruptive: 1 } // tie-break at equal severity
  const pairs = new Map()
  const st = { read: new Map(), skipped: new Map(), kept: new Map(), classAsDrug: 0, dupes: 0, vaRxcui: new Map() }
  function add(a, b, severity, description, source) {
    if (a === b) {
      inc(st.skipped, `${source}: same ingredient on both sides`)
      return
    }
    if (b < a) [a, b] = [b, a]
    const key = `${a}\u0000${b}`
    const prev = pairs.get(key)
    if (prev) {
      st.dupes++
      if (SEV_RANK[severity] < SEV_RANK[prev.severity]) return
      if (SEV_RANK[severity] === SEV_RANK[prev.severity] && SRC_RANK[source] <= SRC_RANK[prev.source]) return
    }
    pairs.set(key, { a, b, severity, description, source })
  }
  // ONC high priority, expanded pairs (with group classes)
  for (const r of files.onc) {
    inc(st.read, 'onc_high_priority_ddi_pairs.csv')
    const a = norm(r.object_drug),
      b = norm(r.precipitant_drug)
    if (!a || !b) {
      const why =
        !nz(r.object_drug) && !nz(r.precipitant_drug)
          ? 'class-only row, no drug names (group ' + r.group_id + ')'
          : 'drug column holds a class name ("' +
            (DDI_CLASS_NAMES.has(collapse((r.object_drug || '').toLowerCase())) ? r.object_drug : r.precipitant_drug) +
            '")'
      inc(st.skipped, `onc_high_priority: ${why}`)
      continue
    }
    const cls = [nz(r.object_class) ?? nz(r.object_drug), nz(r.precipitant_class) ?? nz(r.precipitant_drug)]
    add(a, b, 'high', `ONC high-priority DDI: ${cls[0]} × ${cls[1]}`, 'onc_high_priority')
  }
  // ONC high priority, DrugBank-mapped (class rows expanded, e.g. the QT-prolonging group)
  for (const r of files.oncDb) {
    inc(st.read, 'onc_high_priority_ddi_pairs_drugbank_mapped.csv')
    const a = norm(r.object_drug),
      b = norm(r.precipitant_drug)
    if (!a || !b) {
      inc(st.skipped, 'onc_high_priority (drugbank-mapped): missing drug name')
      continue
    }
    add(a, b, 'high', `ONC high-priority DDI: ${collapse(r.object_drug)} × ${collapse(r.precipitant_drug)}`, 'onc_high_priority')
  }
  // ONC non-interruptive. Where a drug cell is empty but the "class" is itself a single
  // ingredient present in the catalog (Niacin, Acetaminophen, Omeprazole, Clopidogrel, Vitamin E),
  // the class name is used as the drug name.
  for (const r of files.nonint) {
    inc(st.read, 'onc_noninterruptive_ddi_pairs.csv')
    let a = norm(r.object_drug),
      b = norm(r.precipitant_drug)
    let usedClass = false
    if (!a) {
      const c = norm(r.object_class)
      if (c && catalogNames.has(c)) {
        a = c
        usedClass = true
      }
    }
    if (!b) {
      const c = norm(r.precipitant_class)
      if (c && catalogNames.has(c)) {
        b = c
        usedClass = true
      }
    }
    if (!a || !b) {
      inc(st.skipped, 'onc_noninterruptive: class-only side with no drug name')
      continue
    }
    if (usedClass) st.classAsDrug++
    add(a, b, 'low', `ONC non-interruptive DDI: ${collapse(r.object_class)} × ${collapse(r.precipitant_class)}`, 'onc_noninterruptive')
  }
  // VA NDF-RT. Names are mapped through RxCUI to the catalog's RxNorm ingredient name when possible.
  for (const r of files.va) {
    inc(st.read, 'va_ndfrt_ddi_pairs_with_severity.csv')
    // 8 source rows are misaligned: the interaction "ALUMINUM/MAGNESIUM HYDROXIDE/X" was split after the
    // first "/", so drug2_name holds "MAGNESIUM HYDROXIDE/X" and the NUI/RxCUI columns don't match the names.
    if (/\//.test(r.drug2_name) && /^MAGNESIUM HYDROXIDE\//.test(r.drug2_name)) {
      inc(st.skipped, 'va_ndfrt: malformed row (ALUMINUM/MAGNESIUM HYDROXIDE/X split into misaligned columns)')
      continue
    }
    // The RxCUI/NUI columns of this file are not reliable: in many rows they belong to the *other*
    // drug of the pair (see the report). The names are consistent, so names are used.
    const a = norm(r.drug1_name),
      b = norm(r.drug2_name)
    const r1 = rxcuiToName.get(nz(r.drug1_rxcuis) ?? ''),
      r2 = rxcuiToName.get(nz(r.drug2_rxcuis) ?? '')
    if (r1 && r2)
      inc(
        st.vaRxcui,
        r1 === a && r2 === b
          ? 'rxcuis match their own names'
          : r1 === b && r2 === a
            ? 'rxcuis swapped (belong to the other drug)'
            : 'rxcuis match neither order',
      )
    if (!a || !b) {
      inc(st.skipped, 'va_ndfrt: missing drug name')
      continue
    }
    const sev = r.severity === 'Critical' ? 'high' : r.severity === 'Significant' ? 'moderate' : null
    if (!sev) {
      inc(st.skipped, `va_ndfrt: unknown severity ${r.severity}`)
      continue
    }
    add(a, b, sev, `VA NDF-RT ${r.severity} DDI: ${collapse(r.drug1_name)} × ${collapse(r.drug2_name)} (${r.interaction_nui})`, 'va_ndfrt')
  }
  const rows = [...pairs.values()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0))
  for (const p of rows) inc(st.kept, `${p.source} ${p.severity}`)
  const bothInCatalog = rows.filter((p) => catalogNames.has(p.a) && catalogNames.has(p.b)).length
  const notInCatalog = new Map()
  for (const p of rows) for (const n of [p.a, p.b]) if (!catalogNames.has(n)) inc(notInCatalog, n)
  const text = rows.map((p) => [p.a, p.b, p.severity, p.description, p.source].map(pgText).join('\t')).join('\n') + '\n'
  return { text, st, count: rows.length, bothInCatalog, notInCatalogNames: notInCatalog.size }
}

// ════════════════════════════════════════════════════════════════════════════════════════════
// Main
// ════════════════════════════════════════════════════════════════════════════════════════════
const drugs = buildDrugs()
const ddi = buildInteractions(drugs.products, drugs.rxcuiName)

mkdirSync(OUT_DIR, { recursive: true })
const drugsGz = gzipDeterministic(Buffer.from(drugs.text, 'utf8'))
const ddiGz = gzipDeterministic(Buffer.from(ddi.text, 'utf8'))
writeFileSync(join(OUT_DIR, 'drugs.tsv.gz'), drugsGz)
writeFileSync(join(OUT_DIR, 'interactions.tsv.gz'), ddiGz)

// Spot checks of the DEA mapping (expected federal schedules).
const EXPECT = {
  oxycodone: 'CII',
  hydrocodone: 'CII',
  morphine: 'CII',
  alprazolam: 'CIV',
  lorazepam: 'CIV',
  zolpidem: 'CIV',
  tramadol: 'CIV',
  pregabalin: 'CV',
  testosterone: 'CIII',
  methylphenidate: 'CII',
  amphetamine: 'CII',
}
const spot = []
let spotFail = 0
for (const [ing, want] of Object.entries(EXPECT)) {
  const s = drugs.scheduleOf(ing)
  // products whose ingredient list contains `ing`, tallied by their final schedule
  const tally = new Map()
  for (const [, c] of drugs.out) {
    const arr = c[10]
      .slice(1, -1)
      .split(',')
      .map((x) => x.replace(/^"|"$/g, ''))
    if (arr.includes(ing)) inc(tally, c[14] ?? '(none)')
  }
  const ok = s && s[0] === want
  if (!ok) spotFail++
  spot.push(
    `    ${ing.padEnd(16)} expect ${want.padEnd(4)} got ${(s ? `${s[0]} via ${s[1]}` : 'none').padEnd(26)} ${ok ? 'OK ' : 'FAIL'} products: ${[...tally].map(([k, v]) => `${k}×${v}`).join(' ')}`,
  )
}
// combination rules
const combo = [
  [['acetaminophen', 'codeine'], 'Oral Pill', 'Oral Tablet', '300-30 mg', 'CIII'],
  [['codeine', 'promethazine'], 'Oral Liquid', 'Oral Solution', '10-6.25 mg/5ml', 'CV'],
  [['atropine', 'diphenoxylate'], 'Oral Pill', 'Oral Tablet', '0.025-2.5 mg', 'CV'],
  [['buprenorphine', 'naloxone'], 'Sublingual', 'Sublingual Tablet', '8-2 mg', 'CIII'],
  [['acetaminophen', 'hydrocodone'], 'Oral Pill', 'Oral Tablet', '325-5 mg', 'CII'],
]
for (const [ings, route, form, strength, want] of combo) {
  const s = drugs.productSchedule(ings, route, form, strength)
  const ok = s && s[0] === want
  if (!ok) spotFail++
  spot.push(
    `    ${ings.join('+').padEnd(28)} expect ${want.padEnd(4)} got ${(s ? `${s[0]} via ${s[1]}` : 'none').padEnd(26)} ${ok ? 'OK' : 'FAIL'}`,
  )
}

const st = drugs.stats
const ms = Number(process.hrtime.bigint() - t0) / 1e6
console.log(`build-catalog-data: shared data = ${SHARED}`)
console.log(`                    output      = ${OUT_DIR}`)
console.log('')
console.log(
  `drugs.tsv.gz: ${st.written} rows written (${drugs.products.length} input rows), ${drugsGz.length} bytes gz, ${Buffer.byteLength(drugs.text)} bytes raw`,
)
console.log(`  rows skipped: ${st.skipped.size ? '\n' + fmtMap(st.skipped) : 'none'}`)
console.log(
  `  rows with no ingredients in the source: ${st.inferred.length + st.noIngredients.length}; ingredients inferred from another NDC of the same brand: ${st.inferred.length}`,
)
console.log(
  `    e.g. ${st.inferred
    .filter((x) => /FOCALIN|SUBOXONE|KLONOPIN|RITALIN|LYRICA|ADIPEX|DAYTRANA|PANADOL/.test(x))
    .slice(0, 12)
    .join('; ')}`,
)
console.log(`    still without ingredients (${st.noIngredients.length}): ${st.noIngredients.join('; ')}`)
console.log(`  name taken from:\n${fmtMap(st.nameFrom)}`)
console.log(`  dea_schedule:\n${fmtMap(st.dea)}`)
console.log(`  dea_schedule_source:\n${fmtMap(st.deaSource)}`)
console.log(`  products with a schedule: ${st.written - (st.dea.get('(none)') ?? 0)}`)
if (st.ciProducts.length) console.log(`  CI products (NOT dispensable): ${st.ciProducts.length}: ${st.ciProducts.slice(0, 10).join('; ')}`)
console.log(`  rx_only by source:\n${fmtMap(st.rx)}`)
console.log(`  OTC table matches by kind:\n${fmtMap(st.otcKinds)}`)
console.log(`  price_source:\n${fmtMap(st.price)}`)
console.log('')
for (const l of report) console.log(l)
console.log('')
console.log(`DEA spot checks (${spotFail ? spotFail + ' FAILED' : 'all OK'}):\n${spot.join('\n')}`)
console.log('')
console.log(`interactions.tsv.gz: ${ddi.count} ingredient pairs written, ${ddiGz.length} bytes gz`)
console.log(`  input rows:\n${fmtMap(ddi.st.read)}`)
console.log(`  rows skipped:\n${fmtMap(ddi.st.skipped)}`)
console.log(`  VA NDF-RT RxCUI columns vs names (rows where both RxCUIs are known ingredients):\n${fmtMap(ddi.st.vaRxcui)}`)
console.log(`  non-interruptive rows rescued by using a single-drug class name (Niacin, Acetaminophen, ...): ${ddi.st.classAsDrug}`)
console.log(`  duplicate pair occurrences merged (max severity kept): ${ddi.st.dupes}`)
console.log(`  pairs kept by source/severity:\n${fmtMap(ddi.st.kept)}`)
console.log(
  `  pairs with both ingredients present in drugs.tsv: ${ddi.bothInCatalog}; distinct DDI ingredient names not in the catalog sample: ${ddi.notInCatalogNames}`,
)
console.log('')
console.log(`done in ${(ms / 1000).toFixed(2)} s`)
if (spotFail) process.exitCode = 1
