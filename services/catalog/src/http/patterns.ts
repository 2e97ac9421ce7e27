/**
 * Regular expressions that state a request rule in the OpenAPI document exactly as the server applies
 * it (fuzzers and generated clients read `pattern`, not our code). Written for ECMAScript with the u flag
 * (ajv) and Python's re (Schemathesis) alike: no `\s`, `\d` or `.`, and no NUL, which the kernel refuses.
 */

/** What String.prototype.trim removes (ECMAScript white space and line terminators), as the body of a class. */
export const TRIMMED = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
const WS = `[${TRIMMED}]`
const SOLID = `[^${TRIMMED}\\x00]`
const ANY = '[^\\x00]'

/** `body`, with anything String.prototype.trim removes around it. */
export const padded = (body: string) => `^${WS}*(?:${body})${WS}*$`

/** Text of 1 to `max` characters once trimmed, whatever blanks surround it: what `z.string().trim().min(1).max(max)` accepts. */
export const trimmedText = (max: number) => padded(max === 1 ? SOLID : `${SOLID}(?:${ANY}{0,${max - 2}}${SOLID})?`)

/**
 * An NDC as parseNdc (contracts) reads one: an optional `NDC` label, then a 5-4-2, 4-4-2, 5-3-2 or 5-4-1
 * package code, a 5-4, 4-4 or 5-3 product code, 8 to 11 digits, or a 12-digit UPC-A barcode (3 + NDC +
 * check digit, which the server checks: a wrong one finds nothing).
 */
export const NDC_PATTERN = padded(
  `(?:[Nn][Dd][Cc][${TRIMMED}:#]*)?(?:[0-9]{5}-[0-9]{4}(?:-[0-9]{1,2})?|[0-9]{4}-[0-9]{4}(?:-[0-9]{2})?|[0-9]{5}-[0-9]{3}(?:-[0-9]{2})?|3[0-9]{11}|[0-9]{8,11})`,
)
