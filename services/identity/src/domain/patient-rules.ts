/** Rules for a patient's registration data: pure functions, each returning a problem message or null. */

/** USPS codes: the 50 states, DC, the territories and the military post offices. */
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'DC',
  'PR',
  'VI',
  'GU',
  'AS',
  'MP',
  'AA',
  'AE',
  'AP',
])

/** The oldest age we accept on a date of birth. */
export const MAX_AGE_YEARS = 130

/** The dates of birth accepted on `today` (UTC YYYY-MM-DD), as text: from `oldest` included to `before` excluded. */
export function dateOfBirthBounds(today: string): { oldest: string; before: string } {
  return { oldest: `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`, before: today }
}

/** A real calendar date in the past, at most 130 years ago; `today` is a UTC YYYY-MM-DD. */
export function checkDateOfBirth(value: string, today: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return 'must be a date in the form YYYY-MM-DD'
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'is not a real date'
  const bounds = dateOfBirthBounds(today)
  if (value >= bounds.before) return 'must be in the past'
  if (value < bounds.oldest) return `must be less than ${MAX_AGE_YEARS} years ago`
  return null
}

/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all. */
export const E164_PHONE = /^\+[1-9][0-9]{6,14}$/
/** A US ZIP code: 5 digits, or ZIP+4 (9 digits, with or without the dash). */
export const US_ZIP = /^[0-9]{5}(?:-?[0-9]{4})?$/

/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all. */
export function checkPhone(value: string): string | null {
  return E164_PHONE.test(value) ? null : 'must be an E.164 number such as +12125550123'
}

/** A US state code of two ASCII letters, in either case, that USPS knows. */
export function checkUsState(value: string): string | null {
  return /^[A-Za-z]{2}$/.test(value) && US_STATE_CODES.has(value.toUpperCase()) ? null : 'must be a two-letter US state code such as NY'
}

/** A US ZIP code: 5 digits, or ZIP+4 (9 digits, with or without the dash). */
export function checkUsZip(value: string): string | null {
  return US_ZIP.test(value) ? null : 'must be a US ZIP code of 5 or 9 digits'
}

/** ZIP+4 in its usual written form (12345-6789); a 5-digit ZIP unchanged. */
export function normaliseUsZip(value: string): string {
  return value.length === 9 ? `${value.slice(0, 5)}-${value.slice(5)}` : value
}

/** An address as stored: the country code upper-cased; in the US, the state code too and ZIP+4 with its dash. */
export function normaliseAddress<A extends { state: string; postal_code: string; country: string }>(a: A): A {
  const country = a.country.toUpperCase()
  return country === 'US' ? { ...a, country, state: a.state.toUpperCase(), postal_code: normaliseUsZip(a.postal_code) } : { ...a, country }
}
