import { z } from 'zod'
import {
  COMMON_PASSWORDS,
  MAX_PASSWORD_LENGTH,
  MIN_DISTINCT_CHARACTERS,
  MIN_PASSWORD_LENGTH,
  checkPassword,
} from '../domain/password-policy.ts'
import {
  E164_PHONE,
  MAX_AGE_YEARS,
  US_STATE_CODES,
  US_ZIP,
  checkDateOfBirth,
  checkUsState,
  checkUsZip,
  dateOfBirthBounds,
} from '../domain/patient-rules.ts'
import { DEA_REGISTRANT_TYPES, isValidDea, isValidNpi } from '../domain/practitioner-ids.ts'
import { STAFF_ROLES } from '../application/create-staff.ts'
import { asciiAnyCase, padded, passwordPattern, previousOf, rangeBetween, trimmedText } from './patterns.ts'

/**
 * Request schemas of identity. Each rule the server applies is in the JSON Schema of the OpenAPI
 * document too (a pattern, a length, an enum), so that a client or a fuzzer knows what is accepted:
 * where zod checks with a function (check digits, the password policy), the same rule is stated as
 * a pattern beside it, and http/schemas.test.ts proves the two agree.
 */

/** Turns a domain rule (message or null) into a zod refinement. */
const rule = (check: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const message = check(v)
  if (message) ctx.addIssue({ code: 'custom', message })
}
const today = () => new Date().toISOString().slice(0, 10)
const unanchored = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '')

/** Text of 1 to `max` characters once trimmed (and trimmed): one pattern enforces and documents it. */
const text = (max: number) =>
  z
    .string()
    .regex(new RegExp(trimmedText(max), 'u'), `must be 1 to ${max} characters, not blank`)
    .trim()
/** Like text(), but may be empty. */
const optionalText = (max: number) =>
  z
    .string()
    .regex(new RegExp(trimmedText(max, { optional: true }), 'u'), `must be at most ${max} characters`)
    .trim()

/**
 * Zod's e-mail form with domain labels as DNS has them (1 to 63 characters, no hyphen at either end):
 * `b-.com` passed before, which the document's `format: email` refuses.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/

/**
 * An e-mail address (checked for its form only; ownership is a later concern). A local part of more
 * than 64 characters (RFC 5321) is what `format: email` refuses and no pattern without a lookahead,
 * which generators cannot follow, can say; it is checked beside the pattern.
 */
export const Email = z
  .email({ pattern: EMAIL_PATTERN, error: 'must be an e-mail address' })
  .max(254)
  .refine((e) => e.indexOf('@') <= 64, 'must be an e-mail address (at most 64 characters before the @)')
  .meta({ examples: ['ada@example.com'] })

/** The pattern of the password policy (domain/password-policy.ts), for the document. */
export const NEW_PASSWORD_PATTERN = passwordPattern(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, COMMON_PASSWORDS)
/** A new password: long enough, not too long, not a common one, not monotonous. */
export const NewPassword = z
  .string()
  .superRefine(rule(checkPassword))
  .meta({
    description: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, at least ${MIN_DISTINCT_CHARACTERS} different ones, and not one of the common passwords attackers try first (in any case)`,
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    pattern: NEW_PASSWORD_PATTERN,
    examples: ['Correct-Horse-Battery-9'],
  })
/** A person's name as they write it. */
export const PersonName = text(200).meta({ examples: ['Ada Lovelace'] })

/** `  US ` and `us` name the United States too (the country is trimmed and upper-cased). */
const US_COUNTRY = padded('[Uu][Ss]')
/** A USPS state code in either case, with blanks around it. */
export const US_STATE_PATTERN = padded(`(?:${[...US_STATE_CODES].map(asciiAnyCase).join('|')})`)
/** A licence state: a USPS state code in either case. */
const LICENCE_STATE_PATTERN = `^(?:${[...US_STATE_CODES].map(asciiAnyCase).join('|')})$`
export const US_ZIP_PATTERN = padded(unanchored(US_ZIP))
export const COUNTRY_PATTERN = padded('[A-Za-z]{2}')

/** A postal address; in the US, a USPS state code and a 5- or 9-digit ZIP code. */
export const AddressBody = z
  .strictObject({
    line1: text(200),
    line2: optionalText(200).nullish(),
    city: text(100),
    state: text(100),
    postal_code: text(20),
    country: z.string().regex(new RegExp(COUNTRY_PATTERN, 'u'), 'must be an ISO 3166-1 two-letter country code such as US').trim(),
  })
  .meta({
    description: 'In the US (country US in either case), state is a USPS code and postal_code a 5- or 9-digit ZIP code',
    anyOf: [
      { properties: { country: { pattern: US_COUNTRY }, state: { pattern: US_STATE_PATTERN }, postal_code: { pattern: US_ZIP_PATTERN } } },
      { properties: { country: { pattern: padded(`(?!${'[Uu][Ss]'})[A-Za-z]{2}`) } } },
    ],
    examples: [{ line1: '350 Fifth Avenue', line2: 'Suite 3300', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' }],
  })
  // Validation only (no transform, so that the document keeps the examples): registration normalises (normaliseAddress).
  .superRefine((a, ctx) => {
    if (a.country.toUpperCase() !== 'US') return
    const state = checkUsState(a.state)
    if (state) ctx.addIssue({ code: 'custom', path: ['state'], message: state })
    const zip = checkUsZip(a.postal_code)
    if (zip) ctx.addIssue({ code: 'custom', path: ['postal_code'], message: zip })
  })

/**
 * The dates of birth accepted today, as a pattern over YYYY-MM-DD (the calendar itself is `format: date`):
 * the document states the rule of the day it was built; the server applies it on the day it is asked.
 */
export function dateOfBirthPattern(on: string): string {
  const { oldest, before } = dateOfBirthBounds(on)
  return `^${rangeBetween(oldest, previousOf(before))}$`
}
const IsoDate = z.iso.date('must be a date in the form YYYY-MM-DD')
export const DateOfBirth = IsoDate.superRefine((v, ctx) => {
  // Only a real date is checked against today (the format's own message says what else is wrong).
  if (IsoDate.safeParse(v).success) rule((d) => checkDateOfBirth(d, today()))(v, ctx)
}).meta({
  description: `A date in the past, less than ${MAX_AGE_YEARS} years ago`,
  allOf: [{ pattern: dateOfBirthPattern(today()) }],
  examples: ['1985-12-10'],
})

/** A phone number in E.164 form. */
export const Phone = z
  .string()
  .regex(E164_PHONE, 'must be an E.164 number such as +12125550123')
  .meta({ description: 'E.164: +, a country code, at most 15 digits in all', examples: ['+12125550123'] })

/** POST /patients/register. Unknown fields are refused. */
export const RegisterBody = z
  .strictObject({
    name: PersonName,
    date_of_birth: DateOfBirth,
    email: Email,
    password: NewPassword,
    phone: Phone,
    address: AddressBody,
    consent: z.strictObject({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
  })
  .meta({
    examples: [
      {
        name: 'Ada Lovelace',
        date_of_birth: '1985-12-10',
        email: 'ada@example.com',
        password: 'Correct-Horse-Battery-9',
        phone: '+12125550123',
        address: { line1: '350 Fifth Avenue', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
        consent: { email: true, sms: false },
      },
    ],
  })

const PRACTITIONER_FIELDS = ['npi', 'dea_number', 'licence_state'] as const
/** A DEA number as typed: registrant type, a letter or 9, seven digits; either case (the check digit is `format: dea-number`). */
const DEA_SHAPE = new RegExp(`^[${DEA_REGISTRANT_TYPES}${DEA_REGISTRANT_TYPES.toLowerCase()}][A-Za-z9][0-9]{7}$`)

/** POST /staff: a practitioner also gives NPI and licence state (DEA number optional); no one else does. The route upper-cases them. */
export const StaffBody = z
  .strictObject({
    email: Email,
    password: NewPassword,
    name: PersonName,
    role: z.enum(STAFF_ROLES),
    npi: z
      .string()
      .refine(isValidNpi, 'must be a 10-digit NPI with a valid check digit')
      .meta({
        description: 'National Provider Identifier: 10 digits, the last a Luhn check digit over 80840 and the first nine',
        pattern: '^[0-9]{10}$',
        format: 'npi',
        examples: ['1245319599'],
      })
      .optional(),
    dea_number: z
      .string()
      .refine((v) => DEA_SHAPE.test(v) && isValidDea(v.toUpperCase()), 'must be a DEA number: two letters, seven digits, valid check digit')
      .meta({
        description: 'DEA registration number: registrant type letter, a letter or 9, seven digits, the last a DEA check digit',
        pattern: DEA_SHAPE.source,
        format: 'dea-number',
        examples: ['AB1234563'],
      })
      .optional(),
    licence_state: z
      .string()
      .refine((v) => checkUsState(v) === null, 'must be a two-letter US state code')
      .meta({ pattern: LICENCE_STATE_PATTERN, examples: ['NY'] })
      .optional(),
  })
  .meta({
    description: 'A practitioner gives npi and licence_state (dea_number optional); other roles give none of the three',
    anyOf: [
      { properties: { role: { const: 'practitioner' } }, required: ['npi', 'licence_state'] },
      {
        properties: {
          role: { enum: STAFF_ROLES.filter((r) => r !== 'practitioner') },
          ...Object.fromEntries(PRACTITIONER_FIELDS.map((f) => [f, false])),
        },
      },
    ],
    examples: [
      { email: 'pat.smith@staff.example.com', password: 'Staff-Password-2026', name: 'Pat Smith', role: 'pharmacist' },
      {
        email: 'dr.jones@staff.example.com',
        password: 'Staff-Password-2026',
        name: 'Dr Jones',
        role: 'practitioner',
        npi: '1245319599',
        licence_state: 'NY',
        dea_number: 'AB1234563',
      },
    ],
  })
  .superRefine((b, ctx) => {
    if (b.role === 'practitioner') {
      if (!b.npi) ctx.addIssue({ code: 'custom', path: ['npi'], message: 'is required for a practitioner' })
      if (!b.licence_state) ctx.addIssue({ code: 'custom', path: ['licence_state'], message: 'is required for a practitioner' })
      return
    }
    for (const f of PRACTITIONER_FIELDS)
      if (b[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'is for practitioner accounts only' })
  })

/** POST /auth/login: any strings; what is wrong with them is a 401, not a 400. */
export const LoginBody = z
  .strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) })
  .meta({ examples: [{ email: 'patient@demo.apotheca.test', password: 'Demo-Patient-2026!' }] })
/** A 6-digit authenticator code. */
export const TotpCode = z
  .string()
  .regex(/^[0-9]{6}$/, 'must be the 6-digit code of your authenticator app')
  .meta({ examples: ['123456'] })
/** The token of a staff sign-in that must enrol a second factor first. */
export const EnrolmentToken = z.string().min(1).max(4096)
/** A recovery code as printed (xxxx-xxxx-xxxx-xxxx), dashes optional, either case. */
export const RecoveryCode = z
  .string()
  .regex(/^[A-Za-z0-9]{4}(?:-?[A-Za-z0-9]{4}){3}$/, 'must be one of your recovery codes: xxxx-xxxx-xxxx-xxxx')

/** POST /auth/mfa/verify: the authenticator code, or one of the recovery codes. */
export const MfaVerifyBody = z
  .union([
    z.strictObject({ mfa_token: z.string().min(1).max(4096), code: TotpCode }),
    z.strictObject({ mfa_token: z.string().min(1).max(4096), recovery_code: RecoveryCode }),
  ])
  .meta({ examples: [{ mfa_token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln', code: '123456' }] })
/** A refresh token as issued (rt_ and 43 base64url characters). */
export const RefreshBody = z
  .strictObject({ refresh_token: z.string().min(1).max(200) })
  .meta({ examples: [{ refresh_token: 'rt_2c1e0b6b3b5f4a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5' }] })
/** POST /auth/password. */
export const ChangePasswordBody = z
  .strictObject({ current_password: z.string().min(1).max(1024), new_password: NewPassword })
  .meta({ examples: [{ current_password: 'Correct-Horse-Battery-9', new_password: 'Another-Horse-Battery-10' }] })
/** POST /auth/mfa/enrol. */
export const EnrolBody = z.strictObject({ enrolment_token: EnrolmentToken }).meta({
  examples: [{ enrolment_token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }],
})
/** POST /auth/mfa/enrol/activate. */
export const EnrolActivateBody = z.strictObject({ enrolment_token: EnrolmentToken, code: TotpCode }).meta({
  examples: [{ enrolment_token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln', code: '123456' }],
})
/** POST /auth/mfa/totp/activate. */
export const TotpActivateBody = z.strictObject({ code: TotpCode }).meta({ examples: [{ code: '123456' }] })
/** POST /auth/signing-keys/rotate. */
export const RotateBody = z.strictObject({ compromised: z.boolean().default(false) }).meta({ examples: [{ compromised: false }] })

/** POST /auth/password/reset: any address-like text; what it names is never told. */
export const ResetRequestBody = z.strictObject({ email: text(320) }).meta({ examples: [{ email: 'ada@example.com' }] })
/** POST /auth/password/reset/confirm: the e-mailed token (43 base64url characters) and the new password. */
export const ResetConfirmBody = z
  .strictObject({ token: z.string().min(1).max(200), new_password: NewPassword })
  .meta({ examples: [{ token: 'q4C2p0bH9yFZk1m8Ww3uVn5sXr7tYe6aJd0iLo2gQcE', new_password: 'Correct-Horse-Battery-9' }] })

/** PUT /patients/{patientId}/consent: the consents that change (at least one). */
export const ConsentPatch = z
  .strictObject({ email: z.boolean(), sms: z.boolean(), marketing: z.boolean(), data_sharing: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'name at least one of email, sms, marketing, data_sharing')
  .meta({ minProperties: 1, examples: [{ sms: true, marketing: false }] })

/** Routes under /patients/{patientId}. */
export const PatientParams = z.object({ patientId: z.uuid() })

/** Retryable creations: the same key and body answer the first result again. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'Makes a retry safe: the same key and body answer the first result (Idempotent-Replayed: true)' }),
})
