import { test } from 'node:test'
import assert from 'node:assert/strict'
import { COMMON_PASSWORDS, checkPassword } from '../domain/password-policy.ts'
import { US_STATE_CODES, checkDateOfBirth, checkUsState, checkUsZip } from '../domain/patient-rules.ts'
import { DEA_REGISTRANT_TYPES, isValidDea } from '../domain/practitioner-ids.ts'
import { LOWERS_TO_ASCII, TRIMMED, previousOf, rangeBetween, trimmedText } from './patterns.ts'
import { COUNTRY_PATTERN, Email, NEW_PASSWORD_PATTERN, StaffBody, US_STATE_PATTERN, US_ZIP_PATTERN, dateOfBirthPattern } from './schemas.ts'
import { z } from 'zod'

// As ajv compiles a schema's pattern: the u flag.
const re = (pattern: string) => new RegExp(pattern, 'u')

test('TRIMMED is exactly what String.prototype.trim removes', () => {
  const cls = re(`^[${TRIMMED}]$`)
  for (let c = 0; c <= 0xffff; c++) {
    const s = String.fromCharCode(c)
    assert.equal(cls.test(s), s.trim() === '', `U+${c.toString(16)}`)
  }
})

test('LOWERS_TO_ASCII names every non-ASCII character whose lower case is an ASCII letter', () => {
  const found: Record<string, string[]> = {}
  for (let c = 0x80; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    const lower = String.fromCodePoint(c).toLowerCase()
    if (/^[a-z]$/.test(lower)) (found[lower] ??= []).push(`\\u${c.toString(16)}`)
  }
  assert.deepEqual(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.join('')])), LOWERS_TO_ASCII)
})

test('trimmedText accepts what trim().min(1).max(n) accepts, blanks around it or not', () => {
  const zod = z.string().trim().min(1).max(5)
  const optional = z.string().trim().max(5)
  const samples = [
    '',
    ' ',
    'a',
    ' a ',
    'abcde',
    ' abcde\u3000',
    'abcdef',
    'a   b',
    '\ufeffab c\n',
    '\t\t',
    'a b c d e',
    '😀😀😀😀😀',
    ' 😀😀😀😀😀😀',
  ]
  for (const s of samples) {
    assert.equal(re(trimmedText(5)).test(s), zod.safeParse(s).success, JSON.stringify(s))
    assert.equal(re(trimmedText(5, { optional: true })).test(s), optional.safeParse(s).success, JSON.stringify(s))
  }
  assert.equal(re(trimmedText(1)).test(' x '), true)
  assert.equal(re(trimmedText(1)).test('xy'), false)
})

test('the password pattern says what checkPassword says', () => {
  const p = re(NEW_PASSWORD_PATTERN)
  const samples = [
    'Correct-Horse-Battery-9',
    'Short-pw-1',
    'x'.repeat(129),
    'abcdefghijkl'.repeat(10) + 'abcdefgh',
    'abcdefghijkl'.repeat(10) + 'abcdefghi',
    'abababababababab',
    'abcabcabcabc',
    'abcdabcdabcd',
    'aaaaaaaaaaab',
    'aaaaaaaaabcd',
    '😀😁😂🤣😀😁😂🤣😀😁😂🤣',
    '😀'.repeat(64) + 'abc',
    '😀'.repeat(125) + 'abc',
    '😀'.repeat(126) + 'abc',
    'MONKEY123456',
    'mon\u212aey123456',
    'password12345!',
    ...[...COMMON_PASSWORDS].flatMap((c) => [c, c.toUpperCase(), `${c}x`, `x${c}`]),
  ]
  for (const s of samples) assert.equal(p.test(s), checkPassword(s) === null, `${s}: ${checkPassword(s)}`)
})

test('rangeBetween matches exactly the strings between its bounds', () => {
  const dates: string[] = []
  for (let t = Date.UTC(1998, 10, 1); t <= Date.UTC(2001, 2, 1); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10))
  for (const [lo, hi] of [
    ['1999-02-28', '2000-03-01'],
    ['1998-11-01', '2001-03-01'],
    ['1999-12-31', '2000-01-01'],
    ['2000-01-10', '2000-01-19'],
    ['2000-02-29', '2000-02-29'],
    ['1999-06-15', '2000-06-14'],
  ] as const) {
    const r = re(`^${rangeBetween(lo, hi)}$`)
    for (const d of dates) assert.equal(r.test(d), d >= lo && d <= hi, `${d} in ${lo}..${hi}`)
    assert.equal(r.test('2000-02-30'), '2000-02-30' >= lo && '2000-02-30' <= hi)
  }
  assert.equal(previousOf('2026-03-01'), '2026-03-00')
  assert.equal(previousOf('2030-01-00'), '2030-00-99')
})

test('the date-of-birth pattern of a day, with the calendar of format: date, says what checkDateOfBirth says that day', () => {
  const calendar = z.iso.date()
  for (const today of ['2026-03-15', '2024-02-29', '2027-01-01', '2026-12-31']) {
    const r = re(dateOfBirthPattern(today))
    const year = Number(today.slice(0, 4))
    const samples = [today, '1985-12-10', `${year - 130}${today.slice(4)}`, `${year - 131}-12-31`, `${year + 1}-01-01`]
    for (
      let t = Date.parse(`${today}T00:00:00Z`) - 40 * 86_400_000;
      t <= Date.parse(`${today}T00:00:00Z`) + 40 * 86_400_000;
      t += 86_400_000
    )
      samples.push(new Date(t).toISOString().slice(0, 10))
    for (let t = Date.UTC(year - 130, 0, 1) - 40 * 86_400_000; t <= Date.UTC(year - 129, 0, 1); t += 86_400_000)
      samples.push(new Date(t).toISOString().slice(0, 10))
    for (const d of samples)
      assert.equal(r.test(d) && calendar.safeParse(d).success, checkDateOfBirth(d, today) === null, `${d} on ${today}`)
  }
})

test('the address patterns say what the US rules say', () => {
  const state = re(US_STATE_PATTERN)
  for (const s of [...US_STATE_CODES, 'ny', ' Ny ', 'XX', 'N', 'NYC', 'ıd', 'New York'])
    assert.equal(state.test(s), checkUsState(s.trim()) === null, s)
  const zip = re(US_ZIP_PATTERN)
  for (const s of ['10118', ' 10118-0110', '101180110', '1011', '10118-01', '١٠١١٨', '10118 0110'])
    assert.equal(zip.test(s), checkUsZip(s.trim()) === null, s)
  const country = re(COUNTRY_PATTERN)
  for (const [s, ok] of [
    ['US', true],
    [' gb\n', true],
    ['USA', false],
    ['U', false],
  ] as const)
    assert.equal(country.test(s), ok, s)
})

test('staff identifiers: the DEA pattern is the shape isValidDea checks (its check digit aside), in either case', () => {
  const json = z.toJSONSchema(StaffBody, { io: 'input' }) as { properties: Record<string, { pattern: string }> }
  const dea = re(json.properties.dea_number!.pattern)
  const shape = (s: string) => /^[A-Za-z][A-Za-z9][0-9]{7}$/.test(s) && DEA_REGISTRANT_TYPES.includes(s[0]!.toUpperCase())
  for (const s of ['AB1234563', 'ab1234563', 'B91234563', 'IB1234563', 'AB123456', 'ſB1234563', 'XB1234563', 'Ab12345639'])
    assert.equal(dea.test(s), shape(s), s)
  for (const s of ['AB1234563', 'BH1234563', 'ab1234563']) assert.ok(isValidDea(s.toUpperCase()) && dea.test(s), s)
  const state = re(json.properties.licence_state!.pattern)
  for (const s of ['ca', 'NY', 'Dc', ' CA', 'XX', 'ıd']) assert.equal(state.test(s), checkUsState(s) === null, s)
})

test('an e-mail address is what format: email takes: at most 64 characters before the @, DNS labels without an end hyphen', () => {
  // The fuzzer registered a patient with a 103-character local part, which JSON Schema's email format refuses.
  for (const [email, ok] of [
    ['ada@example.com', true],
    [`${'a'.repeat(64)}@example.com`, true],
    [`${'a'.repeat(65)}@example.com`, false],
    ["o'neil+rx@mail.example.org", true],
    ['ada@exa--mple.com', true],
    ['ada@example-.com', false],
    ['ada@-example.com', false],
    [`ada@${'b'.repeat(63)}.com`, true],
    [`ada@${'b'.repeat(64)}.com`, false],
  ] as const) {
    assert.equal(Email.safeParse(email).success, ok, email)
  }
})
