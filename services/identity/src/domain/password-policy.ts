/** The password rules: length, and not one of the passwords every attacker tries first. */

/** Fewer characters than this are refused. */
export const MIN_PASSWORD_LENGTH = 12
/** More are refused too: hashing cost is bounded, and no real passphrase needs more. */
export const MAX_PASSWORD_LENGTH = 128

// Common passwords of 12 characters or more (from public breach corpora), compared case-insensitively.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  '123123123123',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'abcdefghijkl',
  'abc123456789',
  'aaaaaaaaaaaa',
  'asdfghjkl123',
  'zaq12wsxcde3',
  'changeme1234',
  'trustno11234',
  'football1234',
  'baseball1234',
  'superman1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'correcthorsebatterystaple',
  'pharmacy1234',
  'apotheca1234',
])

/** Different characters a password must have at least. */
export const MIN_DISTINCT_CHARACTERS = 4

/** Says what is wrong with a new password, or null when it is acceptable. Characters are code points (an emoji is one). */
export function checkPassword(password: string): string | null {
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is too common; choose another'
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return 'uses too few different characters'
  return null
}
