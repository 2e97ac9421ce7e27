import { z } from 'zod'
import { checkPassword } from '../domain/password-policy.ts'
import { checkDateOfBirth, checkPhone, checkUsState, checkUsZip, normaliseUsZip, US_STATE_CODES } from '../domain/patient-rules.ts'
import { isValidDea, isValidNpi } from '../domain/practitioner-ids.ts'
import { STAFF_ROLES } from '../application/create-staff.ts'

/** Turns a domain rule (message or null) into a zod refinement. */
const rule = (check: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const message = check(v)
  if (message) ctx.addIssue({ code: 'custom', message })
}
const today = () => new Date().toISOString().slice(0, 10)
const text = (max: number) => z.string().trim().min(1).max(max)

/** An e-mail address (checked for its form only; ownership is a later concern). */
export const Email = z.email('must be an e-mail address').max(254)
/** A new password: long enough and not a common one. */
export const NewPassword = z.string().superRefine(rule(checkPassword))
/** A person's name as they write it. */
export const PersonName = text(200)

/** A postal address; in the US, a USPS state code and a 5- or 9-digit ZIP code. */
export const AddressBody = z
  .strictObject({
    line1: text(200),
    line2: z.string().trim().max(200).nullish(),
    city: text(100),
    state: text(100),
    postal_code: text(20),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 two-letter country code such as US')
      .transform((c) => c.toUpperCase()),
  })
  .superRefine((a, ctx) => {
    if (a.country !== 'US') return
    const state = checkUsState(a.state)
    if (state) ctx.addIssue({ code: 'custom', path: ['state'], message: state })
    const zip = checkUsZip(a.postal_code)
    if (zip) ctx.addIssue({ code: 'custom', path: ['postal_code'], message: zip })
  })
  .transform((a) => (a.country === 'US' ? { ...a, state: a.state.toUpperCase(), postal_code: normaliseUsZip(a.postal_code) } : a))

/** POST /patients/register. Unknown fields are refused. */
export const RegisterBody = z.strictObject({
  name: PersonName,
  date_of_birth: z.string().superRefine(rule((d) => checkDateOfBirth(d, today()))),
  email: Email,
  password: NewPassword,
  phone: z.string().superRefine(rule(checkPhone)),
  address: AddressBody,
  consent: z.strictObject({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
})

const PRACTITIONER_FIELDS = ['npi', 'dea_number', 'licence_state'] as const

/** POST /staff: a practitioner also gives NPI and licence state (DEA number optional); no one else does. */
export const StaffBody = z
  .strictObject({
    email: Email,
    password: NewPassword,
    name: PersonName,
    role: z.enum(STAFF_ROLES),
    npi: z.string().refine(isValidNpi, 'must be a 10-digit NPI with a valid check digit').optional(),
    dea_number: z
      .string()
      .transform((v) => v.toUpperCase())
      .refine(isValidDea, 'must be a DEA number: two letters, seven digits, valid check digit')
      .optional(),
    licence_state: z
      .string()
      .transform((v) => v.toUpperCase())
      .refine((v) => US_STATE_CODES.has(v), 'must be a two-letter US state code')
      .optional(),
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
export const LoginBody = z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) })
/** A 6-digit authenticator code. */
export const TotpCode = z.string().regex(/^\d{6}$/, 'must be the 6-digit code of your authenticator app')
/** POST /auth/mfa/verify. */
/** The token of a staff sign-in that must enrol a second factor first. */
export const EnrolmentToken = z.string().min(1).max(4096)

export const MfaVerifyBody = z.union([
  z.strictObject({ mfa_token: z.string().min(1).max(4096), code: TotpCode }),
  z.strictObject({
    mfa_token: z.string().min(1).max(4096),
    recovery_code: z.string().regex(/^[a-z0-9]{4}(-?[a-z0-9]{4}){3}$/i, 'must be one of your recovery codes: xxxx-xxxx-xxxx-xxxx'),
  }),
])
/** A refresh token as issued (rt_ and 43 base64url characters). */
export const RefreshBody = z.strictObject({ refresh_token: z.string().min(1).max(200) })
/** Routes under /patients/{patientId}. */
export const PatientParams = z.object({ patientId: z.uuid() })
