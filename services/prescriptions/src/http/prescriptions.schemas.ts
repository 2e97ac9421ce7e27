import { z } from 'zod'
import { PrescriptionStatus, Role } from '@apotheca/contracts'
import { MAX_QUANTITY, MAX_REFILLS } from '../domain/prescription-rules.ts'
import { OVERRIDE_REASONS } from '../domain/findings.ts'
import { CRITICALITIES } from '../domain/allergy.ts'

/** POST /prescriptions/submit as JSON: a structured prescription (FHIR and NCPDP go by content type). */
export const SubmitBody = z.object({
  patient_id: z.uuid(),
  drug_id: z.uuid(),
  dosage: z.string().trim().min(1).max(1000),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  refill_count: z.number().int().min(0).max(MAX_REFILLS),
  issue_date: z.iso.date(),
  expiry_date: z.iso.date().optional(),
  /** Days the quantity lasts: too-early refills and dose limits use it. */
  days_supply: z.number().int().min(1).max(365).optional(),
  /** Staff transcribing a prescription name its prescriber; a practitioner is the prescriber. */
  prescriber_id: z.uuid().optional(),
})

/** GET /patients/{patientId}/prescriptions: the patient. */
export const PatientParams = z.object({ patientId: z.uuid() })
/** GET /internal/patients/{patientId}/medications: the person a service asks on behalf of (both or neither). */
export const OnBehalfOf = z
  .object({ actor_id: z.string().min(1).max(200).optional(), actor_role: Role.optional() })
  .refine((q) => !q.actor_id === !q.actor_role, { message: 'actor_id and actor_role go together', path: ['actor_role'] })
/** GET /patients/{patientId}/prescriptions: status filter and page. */
export const ListQuery = z.object({
  status: PrescriptionStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

/** Routes on one prescription. */
export const PrescriptionParams = z.object({ prescriptionId: z.uuid() })
/** POST /prescriptions/{prescriptionId}/verify: approve, or reject with a reason. */
export const VerifyBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().min(1).max(1000).optional(),
    /** Approving over a finding of the automated review needs one of these codes. */
    override_reason: z.enum(OVERRIDE_REASONS).optional(),
  })
  .refine((b) => b.decision !== 'reject' || b.reason, { message: 'a reason is required to reject', path: ['reason'] })

/** GET /prescriptions/queue */
export const QueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

/** POST /webhooks/epcs/status: a status message from the e-prescribing network. */
export const EpcsStatusBody = z.object({
  message_id: z.string().trim().min(1).max(200),
  prescription_id: z.string().trim().min(1).max(200),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z_-]{0,49}$/, 'a status word such as sent, accepted, cancelled, error'),
  reason: z.string().max(1000).optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
})

/** POST /prescriptions/uploads: a patient's photo or scan of a paper prescription, base64 (PDF, JPEG, PNG). */
export const UploadBody = z.object({
  patient_id: z.uuid(),
  /** Standard base64 of the file; its type is read from its first bytes. */
  content_base64: z.string().min(4).max(1_000_000),
  /** The type the client claims; refused (415) when the content disagrees. */
  content_type: z.string().max(100).optional(),
})

/** POST /prescriptions/{prescriptionId}/transcribe: what a pharmacist reads off the document. */
export const TranscribeBody = SubmitBody.omit({ patient_id: true })

/** POST /internal/prescriptions/{prescriptionId}/fills: the order a prescription is dispensed for. */
export const FillBody = z.object({ order_id: z.uuid(), quantity: z.number().int().min(1).max(MAX_QUANTITY) })

/** POST /patients/{patientId}/allergies: a substance the patient is allergic to, as said or coded. */
export const AllergyBody = z.object({
  /** The substance or class as recorded: "penicillin", "sulfa drugs", "Allergy to fish". */
  substance: z.string().trim().min(1).max(200),
  /** Its code in `system` (SNOMED CT, RxNorm…), when known. */
  code: z.string().trim().min(1).max(100).optional(),
  system: z.string().trim().min(1).max(200).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
})
