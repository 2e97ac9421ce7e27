/** Our fleet's tracking numbers: 'APO' + 11 random digits + a Luhn check digit (12 digits). */
export const TRACKING_NUMBER = /^APO\d{12}$/

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the rightmost payload digit, since the check digit goes after it.
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

/** A new tracking number from a source of random integers in [0, 10). */
export function generateTrackingNumber(randomDigit: () => number): string {
  let payload = ''
  for (let i = 0; i < 11; i++) payload += String(randomDigit())
  return `APO${payload}${luhnCheckDigit(payload)}`
}

/** True when the value is one of our tracking numbers and its check digit holds (catches typos). */
export function isValidTrackingNumber(value: string): boolean {
  if (!TRACKING_NUMBER.test(value)) return false
  const digits = value.slice(3)
  return luhnCheckDigit(digits.slice(0, 11)) === Number(digits[11])
}
