/**
 * Regular expressions that state a request rule in the OpenAPI document exactly as the server
 * applies it: fuzzers and generated clients read `pattern`, not our code. Each is written for every
 * engine that reads it (ECMAScript with the u flag, as ajv compiles patterns, and Python's re, as
 * Schemathesis does): no `\s`, `\d` or `.`, whose meanings differ between them, and no NUL, which
 * the kernel refuses in every string.
 */

/** What String.prototype.trim removes (ECMAScript white space and line terminators), as the body of a class. */
export const TRIMMED = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
const WS = `[${TRIMMED}]`
const SOLID = `[^${TRIMMED}\\x00]`
const ANY = '[^\\x00]'

/** `body`, with anything String.prototype.trim removes around it. */
export const padded = (body: string) => `^${WS}*${body}${WS}*$`

/**
 * Text of 1 to `max` characters once trimmed (`optional`: 0 to `max`), whatever blanks surround it:
 * what `z.string().trim().min(1).max(max)` accepts.
 */
export function trimmedText(max: number, { optional = false } = {}): string {
  const inner = max === 1 ? SOLID : `${SOLID}(?:${ANY}{0,${max - 2}}${SOLID})?`
  return padded(optional ? `(?:${inner})?` : inner)
}

/** A character as itself outside a class ('-' needs no escape there, and the u flag refuses one). */
const escape = (c: string) => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c)

/** A word of ASCII letters and digits in either case: `ny` → `[Nn][Yy]`. */
export const asciiAnyCase = (word: string) =>
  [...word].map((c) => (/[A-Za-z]/.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escape(c))).join('')

/**
 * The characters whose toLowerCase() is an ASCII letter without being one: the Kelvin sign lowers
 * to `k` (http/patterns.test.ts checks every code point).
 */
export const LOWERS_TO_ASCII: Readonly<Record<string, string>> = { k: '\\u212a' }

/** A word as it matches `s.toLowerCase() === word` for a lower-case ASCII word. */
export const lowerCaseOf = (word: string) =>
  [...word].map((c) => (/[a-z]/.test(c) ? `[${c.toUpperCase()}${c}${LOWERS_TO_ASCII[c] ?? ''}]` : escape(c))).join('')

/**
 * At least four different characters (code points), from the start: the first character, the next
 * one unlike it, the next unlike both, then any unlike the three. Linear: each skip is refused as
 * soon as it stops short.
 */
export const FOUR_DISTINCT = `(?=(${ANY})(?:\\1)*(?!\\1)(${ANY})(?:\\1|\\2)*(?!\\1|\\2)(${ANY})(?:\\1|\\2|\\3)*(?!\\1|\\2|\\3)${ANY})`

/** A new password: `min` to `max` characters (code points), none of `common` in any case, four different characters. */
export function passwordPattern(min: number, max: number, common: Iterable<string>): string {
  return `^(?!(?:${[...common].map(lowerCaseOf).join('|')})$)${FOUR_DISTINCT}${ANY}{${min},${max}}$`
}

const allDigits = (s: string, d: '0' | '9') => s.replace(/[0-9]/g, d) === s
const digitClass = (from: number, to: number) => (from === to ? String(from) : `[${from}-${to}]`)

/** Any string of the template's shape: its digits as [0-9], its other characters as they are. */
function shapeOf(template: string): string {
  return template.replace(/[0-9]+|[^0-9]/g, (m) => (/[0-9]/.test(m) ? (m.length === 1 ? '[0-9]' : `[0-9]{${m.length}}`) : escape(m)))
}

/**
 * The strings from `lo` to `hi` (both included) of their common shape, digits compared as text:
 * for ISO dates (YYYY-MM-DD) this is the calendar range, the calendar itself left to `format: date`.
 */
export function rangeBetween(lo: string, hi: string): string {
  if (lo.length !== hi.length || lo > hi) throw new Error(`not a range: ${lo}..${hi}`)
  if (lo.length === 0) return ''
  const [a, b] = [lo[0]!, hi[0]!]
  const [restLo, restHi] = [lo.slice(1), hi.slice(1)]
  if (a === b) return escape(a) + rangeBetween(restLo, restHi)
  const alternatives: string[] = []
  let [from, to] = [Number(a), Number(b)]
  if (!allDigits(restLo, '0')) {
    alternatives.push(a + rangeBetween(restLo, restLo.replace(/[0-9]/g, '9')))
    from++
  }
  const highTail = !allDigits(restHi, '9')
  if (highTail) to--
  if (from <= to) alternatives.push(digitClass(from, to) + shapeOf(restLo))
  if (highTail) alternatives.push(b + rangeBetween(restHi.replace(/[0-9]/g, '0'), restHi))
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`
}

/** The digit string just before this one, of the same shape (`2026-03-01` → `2026-03-00`). */
export function previousOf(s: string): string {
  const chars = [...s]
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/[0-9]/.test(chars[i]!)) continue
    if (chars[i] !== '0') {
      chars[i] = String(Number(chars[i]) - 1)
      return chars.join('')
    }
    chars[i] = '9'
  }
  throw new Error(`nothing comes before ${s}`)
}
