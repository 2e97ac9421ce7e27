import { createHash } from 'node:crypto'
import { parseNdc } from '@apotheca/contracts'
import { baseIngredient } from './ingredient.ts'

/**
 * The official FDA NDC Directory files (product.txt + package.txt, tab-separated with a header) and
 * the CMS NADAC price file (CSV), turned into rows of the catalog's drug file layout (data/README.md).
 * Both sources are public domain, so a pharmacy can build its catalog from them alone.
 */

/** UUID namespace of drug ids: the shipped build uses the same one, so ids agree across sources. */
export const DRUG_ID_NAMESPACE = '6f1d7d2e-3c5a-4b8e-9a51-2d0c6b7e4a10'

/** Product types a pharmacy dispenses; bulk ingredients and intermediates are not sold to patients. */
const DISPENSED_TYPES: Record<string, boolean> = { 'HUMAN PRESCRIPTION DRUG': true, 'HUMAN OTC DRUG': false }

/** Demo prices in cents by form class when NADAC has none (the same table as the shipped build). */
const DEFAULT_PRICE = {
  solid_oral: 1500,
  oral_liquid: 1800,
  topical: 2000,
  eye_ear_nose: 2500,
  inhalation: 4500,
  injectable: 6000,
  other: 2000,
}

/** One NADAC price: USD per pricing unit, and the OTC flag. */
export interface NadacPrice {
  perUnit: number
  unit: string
  otc: boolean | null
}

/** A drug row in the order of the drug file's 22 columns (null = SQL NULL). */
export type DrugFileRow = Array<string | number | boolean | string[] | null>

/** What a conversion produced and what it left out, with the reason for each left-out row. */
export interface Conversion {
  rows: DrugFileRow[]
  skipped: Record<string, number>
}

/** RFC 4122 name-based UUID v5 (SHA-1). */
export function uuidv5(name: string, namespace = DRUG_ID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex')
  const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16)
  b[6] = (b[6]! & 0x0f) | 0x50
  b[8] = (b[8]! & 0x3f) | 0x80
  const x = b.toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/** A tab-separated file with a header line (the FDA layout: no quoting) as records by column name. */
export function parseTsv(text: string): Array<Record<string, string>> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = (lines.shift() ?? '').split('\t')
  return lines
    .filter((l) => l !== '')
    .map((l) => {
      const cells = l.split('\t')
      return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]))
    })
}

/** An RFC 4180 CSV file with a header line as records by column name. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  const header = rows.shift() ?? []
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()])))
}

/** NADAC prices by 11-digit NDC (5-4-2); the latest effective date wins when an NDC repeats. */
export function nadacPrices(records: Array<Record<string, string>>): { prices: Map<string, NadacPrice>; skipped: Record<string, number> } {
  const prices = new Map<string, NadacPrice & { date: number }>()
  const skipped: Record<string, number> = {}
  for (const r of records) {
    const digits = r['NDC'] ?? ''
    const perUnit = Number(r['NADAC Per Unit'])
    if (!/^\d{11}$/.test(digits)) {
      bump(skipped, 'nadac: NDC is not 11 digits')
      continue
    }
    if (!(perUnit > 0)) {
      bump(skipped, 'nadac: no positive price per unit')
      continue
    }
    const [m = '0', d = '0', y = '0'] = (r['Effective Date'] ?? '').split('/')
    const date = Number(y) * 10000 + Number(m) * 100 + Number(d)
    const ndc = `${digits.slice(0, 5)}-${digits.slice(5, 9)}-${digits.slice(9)}`
    const prev = prices.get(ndc)
    if (prev && prev.date >= date) continue
    const otc = r['OTC'] === 'Y' ? true : r['OTC'] === 'N' ? false : null
    prices.set(ndc, { perUnit, unit: r['Pricing Unit'] ?? 'EA', otc, date })
  }
  return { prices, skipped }
}

/** Demo price in cents: NADAC × assumed quantity + 20% + $10 fee (data/README.md), else the form default. */
export function priceOf(form: string | null, route: string | null, nadac: NadacPrice | undefined): { cents: number; source: string } {
  const cls = formClass(form, route)
  if (!nadac) return { cents: DEFAULT_PRICE[cls], source: 'default' }
  const q = nadac.unit === 'ML' ? 10 : nadac.unit === 'GM' ? 30 : cls === 'solid_oral' ? 30 : 1
  return { cents: Math.round(nadac.perUnit * 100 * q * 1.2) + 1000, source: 'nadac' }
}

function formClass(form: string | null, route: string | null): keyof typeof DEFAULT_PRICE {
  const f = `${route ?? ''} ${form ?? ''}`.toLowerCase()
  if (/oral/.test(f) && /tablet|capsule|pill/.test(f)) return 'solid_oral'
  if (/inject|syringe|implant|intravenous|subcutaneous|intramuscular/.test(f)) return 'injectable'
  if (/oral/.test(f) && /liquid|solution|suspension|syrup|elixir/.test(f)) return 'oral_liquid'
  if (/inhal/.test(f)) return 'inhalation'
  if (/ophthalmic|otic|nasal/.test(f)) return 'eye_ear_nose'
  if (/topical|cutaneous|cream|ointment|gel|lotion|shampoo|transdermal|patch|foam/.test(f)) return 'topical'
  return 'other'
}

/**
 * Joins FDA products and packages into drug rows: one per package NDC, stored 5-4-2. Left out, with
 * the reason counted: packages whose NDC is impossible or repeated, packages of an unknown product,
 * products that are not finished human drugs, products without a package.
 */
export function convertFdaNdc(
  products: Array<Record<string, string>>,
  packages: Array<Record<string, string>>,
  prices = new Map<string, NadacPrice>(),
): Conversion {
  const skipped: Record<string, number> = {}
  const byId = new Map(products.map((p) => [p['PRODUCTID'] ?? '', p]))
  const used = new Set<string>()
  const seen = new Set<string>()
  const rows: DrugFileRow[] = []
  for (const k of packages) {
    const product = byId.get(k['PRODUCTID'] ?? '')
    if (!product) {
      bump(skipped, 'package: its PRODUCTID is not in the product file')
      continue
    }
    used.add(product['PRODUCTID']!)
    const type = product['PRODUCTTYPENAME'] ?? ''
    if (!(type in DISPENSED_TYPES)) {
      bump(skipped, `package: product type ${type || '(none)'} is not dispensed`)
      continue
    }
    if ((product['NDC_EXCLUDE_FLAG'] || 'N') !== 'N' || (k['NDC_EXCLUDE_FLAG'] || 'N') !== 'N') {
      bump(skipped, 'package: excluded from the NDC directory')
      continue
    }
    if (k['SAMPLE_PACKAGE'] === 'Y') {
      bump(skipped, 'package: a sample package, not for sale')
      continue
    }
    const parsed = parseNdc(k['NDCPACKAGECODE'] ?? '')
    if (!parsed.ok || parsed.query.kind !== 'package' || parsed.query.codes.length !== 1) {
      bump(skipped, 'package: impossible NDCPACKAGECODE')
      continue
    }
    const ndc = parsed.query.codes[0]!
    if (seen.has(ndc)) {
      bump(skipped, 'package: NDC listed twice')
      continue
    }
    seen.add(ndc)
    rows.push(drugRow(product, k, ndc, DISPENSED_TYPES[type]!, prices.get(ndc)))
  }
  for (const p of products) if (!used.has(p['PRODUCTID'] ?? '')) bump(skipped, 'product: no package in the package file')
  return { rows, skipped }
}

function drugRow(
  p: Record<string, string>,
  k: Record<string, string>,
  ndc: string,
  rxOnly: boolean,
  nadac: NadacPrice | undefined,
): DrugFileRow {
  const substances = list(p['SUBSTANCENAME'])
  const amounts = list(p['ACTIVE_NUMERATOR_STRENGTH'])
  const units = list(p['ACTIVE_INGRED_UNIT'])
  const strength = amounts.map((a, i) => `${a} ${(units[i] ?? '').replace(/\/1$/, '')}`.trim()).join('; ') || null
  const generic = nz(p['NONPROPRIETARYNAME'])
  const proprietary = nz([p['PROPRIETARYNAME'], p['PROPRIETARYNAMESUFFIX']].filter(Boolean).join(' '))
  const name = proprietary ?? generic ?? substances.join(' / ')
  const brand = proprietary && proprietary.toLowerCase() !== generic?.toLowerCase() ? proprietary : null
  const form = nz(p['DOSAGEFORMNAME'])
  const route = nz(p['ROUTENAME'])
  const dea = /^C(I|II|III|IV|V)$/.test(p['DEASCHEDULE'] ?? '') ? p['DEASCHEDULE']! : null
  const price = priceOf(form, route, nadac)
  const description = [`${name}${generic && generic !== name ? ` (${generic})` : ''}`, strength, form, route, nz(k['PACKAGEDESCRIPTION'])]
    .filter(Boolean)
    .join(', ')
  return [
    uuidv5(ndc.replaceAll('-', '')),
    ndc,
    nz(k['NDCPACKAGECODE']),
    nz(p['PRODUCTNDC']),
    name,
    generic,
    brand,
    strength,
    form,
    route,
    [...new Set(substances.map(baseIngredient))],
    [],
    null,
    [],
    dea,
    rxOnly,
    'fda_product_type',
    dea ? 'fda_ndc_product' : null,
    price.cents,
    price.source,
    nz(p['LABELERNAME']),
    description,
  ]
}

/** Rows in PostgreSQL COPY text format (the drug file layout), ready to stage. */
export function toCopyText(rows: DrugFileRow[]): string {
  return rows.map((r) => r.map(copyField).join('\t')).join('\n') + (rows.length ? '\n' : '')
}

function copyField(v: DrugFileRow[number]): string {
  if (v === null) return '\\N'
  if (typeof v === 'boolean') return v ? 't' : 'f'
  const s = Array.isArray(v) ? `{${v.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}` : String(v)
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

function list(s: string | undefined): string[] {
  return (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
}

function nz(s: string | undefined | null): string | null {
  const t = (s ?? '').trim()
  return t === '' ? null : t
}

function bump(m: Record<string, number>, reason: string): void {
  m[reason] = (m[reason] ?? 0) + 1
}
