/**
 * National Drug Codes. We store the 11-digit 5-4-2 form (HIPAA); people and labels use the FDA's
 * 10-digit forms (4-4-2, 5-3-2, 5-4-1), plain digits, or the labeler-product code alone. A 10-digit
 * code without hyphens is ambiguous: it may be any of the three 10-digit layouts, so we try all.
 */

/** What an NDC query searches for: package codes (5-4-2) or product codes (5-4), each a candidate. */
export type NdcQuery = { kind: 'package'; codes: string[] } | { kind: 'product'; codes: string[] }

/** The result of parsing an NDC typed by a person: the candidates, or why it cannot be an NDC. */
export type NdcParse = { ok: true; query: NdcQuery } | { ok: false; reason: string }

const HINT = 'expected an NDC such as 00002-0800-01, 0002-0800-01, 00002080001, a 10-digit code, or a product code such as 0002-0800'

/** 11-digit package NDC, 5-4-2 hyphenated, from its three padded parts. */
export function formatNdc11(labeler: string, product: string, pkg: string): string {
  return `${labeler.padStart(5, '0')}-${product.padStart(4, '0')}-${pkg.padStart(2, '0')}`
}

/** Parses any accepted NDC form into the stored form(s) to look up. */
export function parseNdc(input: string): NdcParse {
  const text = input.trim().replace(/^ndc[\s:#]*/i, '')
  if (text === '') return fail('the NDC is empty')
  if (!/^[\d-]+$/.test(text)) return fail(`an NDC has only digits and hyphens; ${HINT}`)
  const query = text.includes('-') ? fromHyphenated(text.split('-')) : fromDigits(text)
  return query ? { ok: true, query } : fail(HINT)
}

/**
 * The one 11-digit package code an NDC names when its form says unambiguously how to pad it (any
 * hyphenated package form, or 11 plain digits); otherwise the input, trimmed, for the catalog to
 * interpret (a plain 10-digit code may be any of three layouts).
 */
export function toNdc11(input: string): string {
  const p = parseNdc(input)
  return p.ok && p.query.kind === 'package' && p.query.codes.length === 1 ? p.query.codes[0]! : input.trim()
}

/** Digits only, for comparing two NDCs written in the same 11-digit form. */
export const ndcDigits = (ndc: string) => ndc.replace(/\D/g, '')

function fail(reason: string): NdcParse {
  return { ok: false, reason }
}

/** 4-4-2, 5-3-2, 5-4-1, 5-4-2 packages and 4-4, 5-3, 5-4 products: each layout pads to exactly one code. */
function fromHyphenated(parts: string[]): NdcQuery | null {
  const layout = parts.map((p) => p.length).join('-')
  const [l = '', p = '', k = ''] = parts
  switch (layout) {
    case '5-4-2':
    case '4-4-2':
    case '5-3-2':
    case '5-4-1':
      return { kind: 'package', codes: [formatNdc11(l, p, k)] }
    case '5-4':
    case '4-4':
    case '5-3':
      return { kind: 'product', codes: [formatProduct(l, p)] }
    default:
      return null
  }
}

/** Plain digits: 11 → package; 10 → three package candidates; 12 → UPC-A barcode; 9 → product; 8 → two product candidates. */
function fromDigits(d: string): NdcQuery | null {
  switch (d.length) {
    case 11:
      return { kind: 'package', codes: [formatNdc11(d.slice(0, 5), d.slice(5, 9), d.slice(9))] }
    case 10:
      return { kind: 'package', codes: tenDigitCandidates(d) }
    case 12:
      return isUpcNdc(d) ? { kind: 'package', codes: tenDigitCandidates(d.slice(1, 11)) } : null
    case 9:
      return { kind: 'product', codes: [formatProduct(d.slice(0, 5), d.slice(5))] }
    case 8:
      return { kind: 'product', codes: unique([formatProduct(d.slice(0, 4), d.slice(4)), formatProduct(d.slice(0, 5), d.slice(5))]) }
    default:
      return null
  }
}

/** The 10-digit code read as 4-4-2, 5-3-2 and 5-4-1, each padded to 5-4-2. */
function tenDigitCandidates(d: string): string[] {
  const layouts: Array<[string, string, string]> = [
    [d.slice(0, 4), d.slice(4, 8), d.slice(8)],
    [d.slice(0, 5), d.slice(5, 8), d.slice(8)],
    [d.slice(0, 5), d.slice(5, 9), d.slice(9)],
  ]
  return unique(layouts.map(([l, p, k]) => formatNdc11(l, p, k)))
}

/** A UPC-A barcode on a US drug package: number system 3, the 10-digit NDC, a valid check digit. */
function isUpcNdc(d: string): boolean {
  if (d[0] !== '3') return false
  const digits = [...d].map(Number)
  const sum = digits.slice(0, 11).reduce((s, n, i) => s + n * (i % 2 === 0 ? 3 : 1), 0)
  return (10 - (sum % 10)) % 10 === digits[11]
}

function formatProduct(labeler: string, product: string): string {
  return `${labeler.padStart(5, '0')}-${product.padStart(4, '0')}`
}

function unique(codes: string[]): string[] {
  return [...new Set(codes)]
}
