/** Identifiers of a prescriber: the NPI (CMS) and the DEA registration number. */

/** NPI: 10 digits whose last is a Luhn check digit over the number prefixed with 80840 (the US health-industry prefix). */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false
  return luhnValid(`80840${npi}`)
}

/** Luhn (mod 10) check over a string of digits whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

// First letter: the registrant type DEA assigns (A/B/F/G practitioners, M mid-levels, others for businesses).
export const DEA_REGISTRANT_TYPES = 'ABCDEFGHJKLMPRSTUX'

/** DEA number: registrant-type letter, a letter (or 9), 7 digits; the 7th is the DEA check digit. */
export function isValidDea(dea: string): boolean {
  const m = /^([A-Z])([A-Z9])(\d{7})$/.exec(dea)
  if (!m || !DEA_REGISTRANT_TYPES.includes(m[1]!)) return false
  const d = m[3]!.split('').map(Number)
  const check = (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10
  return check === d[6]
}
