import { z } from 'zod'

/**
 * Text rules stated as patterns that mean the same to every JSON Schema reader: ECMAScript with the
 * u flag (ajv, the server) and Python's re (Schemathesis). So no `\s`, `\d` or `.`, whose meanings differ.
 */

/** What String.prototype.trim removes, as the body of a character class. */
export const TRIMMED = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
const SOLID = `[^${TRIMMED}\\x00]`

/** `body` with any blanks String.prototype.trim removes around it. */
export const padded = (body: string) => `^[${TRIMMED}]*(?:${body})[${TRIMMED}]*$`

/** Text of 1 to `max` characters once trimmed, trimmed on the way in: `z.string().trim().min(1).max(max)` said in a pattern. */
export function trimmedText(max: number) {
  const body = max === 1 ? SOLID : `${SOLID}(?:[^\\x00]{0,${max - 2}}${SOLID})?`
  return z
    .string()
    .regex(new RegExp(padded(body), 'u'), `must be 1 to ${max} characters, not blank`)
    .trim()
}

/** A request header a retry repeats: 1 to 255 visible ASCII characters (a UUID is a good one). */
export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[!-~]{1,255}$/, 'send 1 to 255 visible ASCII characters: a new UUID per request, the same one to retry it')
  .meta({
    description: 'A new unique key per request (a UUID), the same key to retry it',
    examples: ['0f8c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'],
  })
