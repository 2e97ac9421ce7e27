/**
 * Regular expressions that state a request rule in the OpenAPI document exactly as the server applies
 * it (fuzzers and generated clients read `pattern`, not our code). Written for ECMAScript with the u flag
 * (ajv) and Python's re (Schemathesis) alike: no `\s`, `\d` or `.` (Python's `\d` is any Unicode digit),
 * and no NUL, which the kernel refuses.
 */

/** What String.prototype.trim removes (ECMAScript white space and line terminators), as the body of a class. */
const TRIMMED = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
const WS = `[${TRIMMED}]`
const SOLID = `[^${TRIMMED}\\x00]`
const ANY = '[^\\x00]'

/** Text of 1 to `max` characters once trimmed, whatever blanks surround it: what `z.string().trim().min(1).max(max)` accepts. */
export const trimmedText = (max: number) => `^${WS}*(?:${max === 1 ? SOLID : `${SOLID}(?:${ANY}{0,${max - 2}}${SOLID})?`})${WS}*$`

const D = '[0-9]'
/** Month-day pairs that exist in every year, and 02-29 of the leap years 2000–2096 (2000 is one: divisible by 400). */
const DATE = `(?:20(?:[02468][048]|[13579][26])-02-29|20${D}{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]${D}|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]${D}|30)|02-(?:0[1-9]|1${D}|2[0-8])))`
const OFFSET = `(?:Z|[+-](?:[01]${D}|2[0-3]):[0-5]${D})`

/**
 * An RFC 3339 time of this century with its offset (what z.iso.datetime({ offset: true }) accepts, years
 * 2000–2099): a report from before 2000 is a device with no clock set, and PostgreSQL has no year 0.
 */
export const REPORT_TIME = `^${DATE}T(?:[01]${D}|2[0-3]):[0-5]${D}:[0-5]${D}(?:\\.${D}+)?${OFFSET}$`
