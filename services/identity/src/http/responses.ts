import { z } from 'zod'
import { InternalPatient, PasswordResetRecipient } from '@apotheca/contracts'

/** Answers of identity as they are on the wire (times as ISO strings). */

const Jwt = z.string().meta({ description: 'A signed JWT (EdDSA)' })
const Seconds = z.int().min(1)

/** A completed sign-in (RFC 6749 token response). */
export const TokenAnswer = z
  .strictObject({
    access_token: Jwt,
    token_type: z.literal('Bearer'),
    expires_in: Seconds,
    refresh_token: z.string().meta({ description: 'Single use: exchanged at POST /auth/token/refresh for the next pair' }),
  })
  .meta({
    examples: [
      {
        access_token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln',
        token_type: 'Bearer',
        expires_in: 900,
        refresh_token: 'rt_2c1e0b6b3b5f4a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5',
      },
    ],
  })
/** A password sign-in that still needs the authenticator code. */
export const MfaAnswer = z.strictObject({ mfa_required: z.literal(true), mfa_token: Jwt, expires_in: Seconds })
/** A staff password sign-in whose role needs a second factor it has not enrolled yet. */
export const EnrolmentAnswer = z.strictObject({ mfa_enrolment_required: z.literal(true), enrolment_token: Jwt, expires_in: Seconds })
export const LoginAnswer = z.union([TokenAnswer, MfaAnswer, EnrolmentAnswer])

const RecoveryCodes = z.array(z.string().regex(/^[a-z0-9]{4}(?:-[a-z0-9]{4}){3}$/)).meta({ description: 'Shown once; each signs in once' })
export const EnrolmentActivated = TokenAnswer.extend({ recovery_codes: RecoveryCodes })
export const TotpActivated = z.strictObject({ mfa_enabled: z.literal(true), recovery_codes: RecoveryCodes })
export const RecoveryCodesAnswer = z.strictObject({ recovery_codes: RecoveryCodes })
/** A new TOTP secret for the authenticator app (base32) and its otpauth:// URI. */
export const TotpSecret = z
  .strictObject({ secret: z.string().regex(/^[A-Z2-7]+=*$/), otpauth_uri: z.string().regex(/^otpauth:\/\/totp\//) })
  .meta({
    examples: [
      { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/Apotheca:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Apotheca' },
    ],
  })

export const RotationAnswer = z.strictObject({
  kid: z.string().nullable(),
  activates_at: z.iso.datetime().nullable(),
  retired: z.array(z.string()),
  reason: z.enum(['scheduled', 'requested', 'compromised']),
})

/** The public keys that verify access tokens. */
export const Jwks = z
  .strictObject({
    keys: z.array(
      z.strictObject({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string(),
        kid: z.string(),
        alg: z.literal('EdDSA'),
        use: z.literal('sig'),
      }),
    ),
  })
  .meta({
    examples: [
      { keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'kid-1', alg: 'EdDSA', use: 'sig' }] },
    ],
  })

export const Registered = z
  .strictObject({ patient_id: z.uuid() })
  .meta({ examples: [{ patient_id: '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f' }] })
export const StaffCreated = z
  .strictObject({ account_id: z.uuid() })
  .meta({ examples: [{ account_id: '0b8e5d2a-3c4f-4a1b-9e8d-7c6b5a4f3e2d' }] })
export const Erased = z.strictObject({ patient_id: z.uuid(), status: z.literal('erased') })

const Address = z.strictObject({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  postal_code: z.string(),
  country: z.string(),
})

/** GET /patients/{patientId}/export as JSON: everything identity holds about the patient. */
export const PatientExport = z.strictObject({
  patient_id: z.uuid(),
  name: z.string(),
  email: z.string(),
  date_of_birth: z.iso.date(),
  phone: z.string(),
  address: Address,
  consent: z.strictObject({ email: z.boolean(), sms: z.boolean() }),
  account: z.strictObject({
    role: z.literal('patient'),
    status: z.literal('active'),
    mfa_enabled: z.boolean(),
    created_at: z.iso.datetime(),
  }),
  exported_at: z.iso.datetime(),
})

/** The same export as a FHIR R4 Bundle (collection) holding the Patient (Accept: application/fhir+json). */
export const PatientFhirBundle = z.strictObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.iso.datetime(),
  entry: z.array(
    z.strictObject({
      fullUrl: z.string(),
      resource: z.looseObject({ resourceType: z.literal('Patient'), id: z.uuid() }),
    }),
  ),
})

const ConsentSet = z.strictObject({ email: z.boolean(), sms: z.boolean(), marketing: z.boolean(), data_sharing: z.boolean() })
/** A patient's consents and every change to them, oldest first. */
export const ConsentAnswer = z
  .strictObject({
    patient_id: z.uuid(),
    consent: ConsentSet,
    history: z.array(z.strictObject({ consent: ConsentSet, changed_by: z.string(), changed_at: z.iso.datetime() })),
  })
  .meta({
    examples: [
      {
        patient_id: '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f',
        consent: { email: true, sms: true, marketing: false, data_sharing: false },
        history: [
          {
            consent: { email: true, sms: true, marketing: false, data_sharing: false },
            changed_by: '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f',
            changed_at: '2026-03-15T09:30:00.000Z',
          },
        ],
      },
    ],
  })

export const ResetAccepted = z.strictObject({ status: z.literal('accepted') })

/** GET /internal/practitioners/{practitionerId}. */
export const PractitionerAnswer = z.strictObject({
  practitioner_id: z.uuid(),
  npi: z.string(),
  dea_number: z.string().nullable(),
  licence_state: z.string().nullable(),
  status: z.enum(['active', 'erased']),
})

export { InternalPatient, PasswordResetRecipient }
