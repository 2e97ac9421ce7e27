import { z } from 'zod'
import { PrescriptionStatus, Role } from '@apotheca/contracts'
import { MAX_QUANTITY, MAX_REFILLS } from '../domain/prescription-rules.ts'
import { OVERRIDE_REASONS } from '../domain/findings.ts'
import { CRITICALITIES } from '../domain/allergy.ts'
import { BASE64_OF, BASE64_PATTERN, MAX_UPLOAD_BASE64, UPLOAD_TYPES } from '../domain/upload.ts'
import { asciiDigits, padded, trimmedText } from './patterns.ts'

/**
 * Request schemas of the prescription routes. Each rule the server applies is one the document
 * states, so a request the schema allows is never a 400: query integers are canonical decimal text
 * (`?limit=` or `?limit=0x10` is a 400), free text is 1 to n characters once trimmed, and bodies are
 * closed (an unknown field is a 400 the document states, so the kernel's NUL refusal never falls on
 * text the schema does not name). What only the
 * data can tell (an unknown drug, a rule of the drug's schedule) is a 404, 409 or 422.
 */

/** A query-string integer from `min` to `max`: digits only, no sign, no leading zero, no blank. */
const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^(?:0|[1-9][0-9]*)$/.test(v) ? Number(v) : v), z.int().min(min).max(max))

/** Text of 1 to `max` characters once trimmed (and trimmed). */
const text = (max: number) =>
  z
    .string()
    .regex(new RegExp(trimmedText(max), 'u'), `must be 1 to ${max} characters, not blank`)
    .trim()

/** At most `max` characters (code points, as JSON Schema counts them), blank allowed. */
const upTo = (max: number) => z.string().regex(new RegExp(`^[^\\x00]{0,${max}}$`, 'u'), `at most ${max} characters`)

/** An ISO calendar date; the document's pattern says ASCII digits, as zod reads `\d`. */
const IsoDate = z.iso.date().meta({ pattern: asciiDigits(z.iso.date().def.pattern?.source ?? '') })

const EXAMPLE_PATIENT = '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f'
const EXAMPLE_DRUG = '6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e1f'

/** POST /prescriptions/submit as JSON: a structured prescription (FHIR and NCPDP go by content type). */
export const SubmitBody = z
  .strictObject({
    patient_id: z.uuid(),
    drug_id: z.uuid().meta({ description: 'A drug of the catalog (GET /drugs/search); an unknown one is a 422' }),
    dosage: text(1000).meta({ description: 'Directions for use (the sig)' }),
    quantity: z.int().min(1).max(MAX_QUANTITY),
    refill_count: z.int().min(0).max(MAX_REFILLS).meta({ description: 'Refills allowed; the drug’s DEA schedule may allow fewer (422)' }),
    issue_date: IsoDate.meta({ description: 'Not in the future (422)' }),
    expiry_date: IsoDate.optional().meta({
      description: 'After issue_date, at most 12 months later (6 for schedules III-V); default the longest allowed (else 422)',
    }),
    /** Days the quantity lasts: too-early refills and dose limits use it. */
    days_supply: z.int().min(1).max(365).optional().meta({ description: 'Days the quantity lasts (too-early refills, dose limits)' }),
    /** Staff transcribing a prescription name its prescriber; a practitioner is the prescriber. */
    prescriber_id: z
      .uuid()
      .optional()
      .meta({ description: 'Pharmacy staff name the prescriber; a practitioner is the prescriber (others naming one: 403)' }),
  })
  .meta({
    examples: [
      {
        patient_id: EXAMPLE_PATIENT,
        drug_id: EXAMPLE_DRUG,
        dosage: 'Take 1 capsule by mouth three times daily for 10 days',
        quantity: 30,
        refill_count: 0,
        issue_date: '2026-03-15',
        days_supply: 10,
      },
    ],
  })

/** Retryable creations: the same key and body answer the first result again. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'Makes a retry safe: the same key and body answer the first result; another body with it is a 422' }),
})

/** Routes on one patient. */
export const PatientParams = z.object({ patientId: z.uuid() })
/** GET /internal/patients/{patientId}/medications: the person a service asks on behalf of (both or neither). */
export const OnBehalfOf = z
  .object({
    actor_id: text(200).optional().meta({ description: 'The person asked for (with actor_role)' }),
    actor_role: Role.optional().meta({ description: 'Their role (with actor_id)' }),
  })
  .refine((q) => !q.actor_id === !q.actor_role, { message: 'actor_id and actor_role go together', path: ['actor_role'] })
/** GET /patients/{patientId}/prescriptions: status filter and page. */
export const ListQuery = z.object({
  status: PrescriptionStatus.optional().meta({ description: 'Only prescriptions in this status' }),
  limit: queryInt(1, 100).default(50).meta({ description: 'At most this many, newest first (default 50)' }),
  offset: queryInt(0, 100_000).default(0).meta({ description: 'Skipped before the page (default 0)' }),
})

/** Routes on one prescription. */
export const PrescriptionParams = z.object({ prescriptionId: z.uuid() })

const Reason = text(1000)
const OverrideReason = z
  .enum(OVERRIDE_REASONS)
  .meta({ description: 'Approving over a finding of the automated review (above info) needs one of these codes (else 422)' })
/** POST /prescriptions/{prescriptionId}/verify: approve, or reject with a reason. */
export const VerifyBody = z
  .discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve'), reason: Reason.optional(), override_reason: OverrideReason.optional() }),
    z.strictObject({ decision: z.literal('reject'), reason: Reason.meta({ description: 'Why (required to reject)' }) }),
  ])
  .meta({
    examples: [
      { decision: 'approve' },
      { decision: 'approve', override_reason: 'prescriber_consulted', reason: 'prescriber confirmed the dose by phone' },
      { decision: 'reject', reason: 'the patient has a documented penicillin allergy' },
    ],
  })

/** GET /prescriptions/queue */
export const QueueQuery = z.object({
  limit: queryInt(1, 100).default(50).meta({ description: 'At most this many (default 50)' }),
  offset: queryInt(0, 100_000).default(0).meta({ description: 'Skipped before the page (default 0)' }),
})

/** A status word, trimmed and lower-cased: `Accepted ` is `accepted` (the Kelvin sign lowers to k, hence it too). */
const STATUS_WORD = padded('[A-Za-z\\u212a][A-Za-z\\u212a_-]{0,49}')

/** POST /webhooks/epcs/status: a status message from the e-prescribing network (open: fields it adds later are ignored, not refused). */
export const EpcsStatusBody = z
  .object({
    message_id: text(200).meta({ description: 'The network’s id of this message: a redelivery of one is answered duplicate' }),
    prescription_id: text(200).meta({ description: 'Ours (a uuid) or the network’s own reference' }),
    status: z
      .string()
      .regex(new RegExp(STATUS_WORD, 'u'), 'a status word such as sent, accepted, cancelled, error')
      .trim()
      .toLowerCase()
      .meta({ description: 'sent, accepted, cancelled (cancels the prescription while legal), error…' }),
    reason: upTo(1000).optional(),
    occurred_at: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ pattern: asciiDigits(z.iso.datetime({ offset: true }).def.pattern?.source ?? '') }),
  })
  .meta({
    examples: [
      {
        message_id: 'SS-2026-03-15-000123',
        prescription_id: '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7',
        status: 'accepted',
        occurred_at: '2026-03-15T09:30:00Z',
      },
    ],
  })

/** One type of upload as the document states it: its base64 starts as its type's bytes do, and the claim (if any) agrees. */
const uploadOf = (type: (typeof UPLOAD_TYPES)[number]) => ({
  properties: { content_base64: { pattern: BASE64_OF[type] }, content_type: { const: type } },
})

/** POST /prescriptions/uploads: a patient's photo or scan of a paper prescription, base64 (PDF, JPEG, PNG). */
export const UploadBody = z
  .strictObject({
    patient_id: z.uuid(),
    /** Standard base64 of the file; its type is read from its first bytes. */
    content_base64: z
      .string()
      .max(MAX_UPLOAD_BASE64)
      .regex(new RegExp(BASE64_PATTERN), 'standard base64 (padded, no whitespace)')
      .meta({
        description: `Standard base64 of the file (at most ${MAX_UPLOAD_BASE64} characters); its type is read from its first bytes: anything but a PDF, PNG or JPEG is a 415`,
      }),
    /** The type the client claims; refused (415) when the content disagrees. */
    content_type: upTo(100)
      .optional()
      .meta({ description: 'The type the client claims: application/pdf, image/png or image/jpeg, as the content is (else 415)' }),
  })
  // The content's type, which the server reads (415 when it is none of these or not what is claimed), in the document's terms.
  .meta({
    anyOf: UPLOAD_TYPES.map(uploadOf),
    examples: [{ patient_id: EXAMPLE_PATIENT, content_base64: 'JVBERi0xLjQKJSVFT0YK', content_type: 'application/pdf' }],
  })

/** POST /prescriptions/{prescriptionId}/transcribe: what a pharmacist reads off the document. */
export const TranscribeBody = SubmitBody.omit({ patient_id: true }).meta({
  examples: [
    {
      drug_id: EXAMPLE_DRUG,
      dosage: 'Take 1 capsule by mouth three times daily for 10 days',
      quantity: 30,
      refill_count: 0,
      issue_date: '2026-03-15',
    },
  ],
})

/** POST /internal/prescriptions/{prescriptionId}/fills: the order a prescription is dispensed for. */
export const FillBody = z.strictObject({ order_id: z.uuid(), quantity: z.int().min(1).max(MAX_QUANTITY) })

/** POST /patients/{patientId}/allergies: a substance the patient is allergic to, as said or coded. */
export const AllergyBody = z
  .strictObject({
    /** The substance or class as recorded: "penicillin", "sulfa drugs", "Allergy to fish". */
    substance: text(200).meta({ description: 'The substance or class as said: "penicillin", "sulfa drugs", "Allergy to fish"' }),
    /** Its code in `system` (SNOMED CT, RxNorm…), when known. */
    code: text(100).optional().meta({ description: 'Its code in system (SNOMED CT, RxNorm…), when known' }),
    system: text(200).optional(),
    criticality: z.enum(CRITICALITIES).optional(),
  })
  .meta({
    examples: [{ substance: 'penicillin', code: '91936005', system: 'http://snomed.info/sct', criticality: 'high' }],
  })
