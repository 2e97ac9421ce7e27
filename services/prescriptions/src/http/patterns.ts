/**
 * Regular expressions that state a request rule in the OpenAPI document exactly as the server
 * applies it (fuzzers and generated clients read `pattern`, not our code). Written for ECMAScript
 * with the u flag (ajv) and Python's re (Schemathesis) alike: no `\s`, `\d` or `.`, whose meanings
 * differ between them, and no NUL, which the kernel refuses in every string.
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

/** A zod pattern with its `\d` (ASCII digits in ECMAScript, any decimal digit in Python) spelled `[0-9]`. */
export const asciiDigits = (pattern: string) => pattern.replace(/\\d/g, '[0-9]')
