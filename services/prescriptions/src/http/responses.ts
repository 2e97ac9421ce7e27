import { z } from 'zod'
import { PrescriptionStatus } from '@apotheca/contracts'
import { OVERRIDE_REASONS } from '../domain/findings.ts'
import { CRITICALITIES } from '../domain/allergy.ts'
import { UPLOAD_TYPES } from '../domain/upload.ts'
import { RECEIVED_TRANSACTIONS } from '../domain/ncpdp-messages.ts'

/** Answers of prescriptions as they are on the wire (dates as ISO strings). */

/**
 * An id of ours (uuid v4). Patient ids read from FHIR `Patient/<id>` or an NCPDP identifier are any
 * 8-4-4-4-12 hex, so those are `AnyUuid`: the format, not a version.
 */
const Id = z.uuid()
const AnyUuid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
  .meta({ format: 'uuid' })
const Day = z.iso.date()
const Time = z.iso.datetime()
const Count = z.int().min(0)
const DeaSchedule = z.enum(['CI', 'CII', 'CIII', 'CIV', 'CV'])
const Channel = z.enum(['structured', 'fhir', 'ncpdp', 'upload'])
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

const ID = '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7'
const PATIENT = '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f'
const DRUG = '6a0c4d1e-2f3b-5c4d-8e5f-6a7b8c9d0e1f'
const PRESCRIBER = '0b8e5d2a-3c4f-4a1b-9e8d-7c6b5a4f3e2d'
const AT = '2026-03-15T09:30:00.000Z'

/** What the automated review found (validation, drug utilisation review), shown to the pharmacist. */
export const Finding = z.strictObject({
  code: z.string().meta({ description: 'prescriber_npi_invalid, interaction, duplicate_therapy, allergy, quantity_limit…' }),
  severity: z.enum(['blocking', 'high', 'moderate', 'low', 'info']),
  message: z.string(),
  related: z.array(z.string()).optional().meta({ description: 'The prescriptions, drugs or allergies it is about' }),
})

/** One change of status (from = to: a note such as an e-prescribing network update). */
const HistoryEntry = z.strictObject({
  from: PrescriptionStatus.nullable(),
  to: PrescriptionStatus,
  reason: z.string().nullable(),
  at: Time,
})

const ItemFields = {
  prescription_id: Id,
  status: PrescriptionStatus,
  patient_id: AnyUuid.nullable().meta({ description: 'null: an e-prescription not matched to a patient of ours yet' }),
  drug_id: Id.nullable().meta({ description: 'null: no catalog drug yet (an upload, an uncoded e-prescription)' }),
  drug_resolution: z.enum(['drug_id', 'ndc', 'rxcui']).nullable(),
  prescriber_id: z.string().nullable(),
  dosage: z.string().nullable(),
  quantity: z.int().min(1).nullable(),
  refill_count: Count,
  refills_remaining: Count,
  issue_date: Day.nullable(),
  expiry_date: Day.nullable(),
  channel: Channel,
  days_supply: z.int().min(1).nullable(),
  findings: z.array(Finding),
  override_reason: z.enum(OVERRIDE_REASONS).nullable(),
  reviewed_at: Time.nullable(),
  created_at: Time,
  updated_at: Time,
}

const ITEM_EXAMPLE = {
  prescription_id: ID,
  status: 'in_review',
  patient_id: PATIENT,
  drug_id: DRUG,
  drug_resolution: 'drug_id',
  prescriber_id: PRESCRIBER,
  dosage: 'Take 1 capsule by mouth three times daily for 10 days',
  quantity: 30,
  refill_count: 0,
  refills_remaining: 0,
  issue_date: '2026-03-15',
  expiry_date: '2027-03-15',
  channel: 'structured',
  days_supply: 10,
  findings: [],
  override_reason: null,
  reviewed_at: '2026-03-15T09:30:01.000Z',
  created_at: AT,
  updated_at: '2026-03-15T09:30:01.000Z',
  history: [
    { from: null, to: 'received', reason: 'received via structured', at: AT },
    { from: 'received', to: 'validating', reason: 'automated review', at: '2026-03-15T09:30:00.500Z' },
    { from: 'validating', to: 'in_review', reason: 'awaiting pharmacist verification', at: '2026-03-15T09:30:01.000Z' },
  ],
}

/** A prescription with its history, oldest change first. */
export const PrescriptionAnswer = z.strictObject({ ...ItemFields, history: z.array(HistoryEntry) }).meta({ examples: [ITEM_EXAMPLE] })

/** GET /patients/{patientId}/prescriptions */
export const PatientPrescriptions = z
  .strictObject({ prescriptions: z.array(PrescriptionAnswer), total: Count, limit: z.int().min(1), offset: Count })
  .meta({ examples: [{ prescriptions: [ITEM_EXAMPLE], total: 1, limit: 50, offset: 0 }] })

/** A prescription in the pharmacist's queue: what the review left to look at, and where it came from. */
const QueueItem = z.strictObject({
  ...ItemFields,
  history: z.array(HistoryEntry).max(0),
  dea_schedule: DeaSchedule.nullable(),
  drug_confirmed: z.boolean(),
  review_notes: z.array(z.string()),
  source: z.strictObject({
    message_id: z.string().nullable(),
    fhir_id: z.string().nullable(),
    ndc: z.string().nullable(),
    rxnorm: z.string().nullable(),
    drug_text: z.string().nullable(),
    prescriber_npi: z.string().nullable(),
  }),
})
/** GET /prescriptions/queue */
export const QueueAnswer = z.strictObject({ prescriptions: z.array(QueueItem), total: Count }).meta({
  examples: [
    {
      prescriptions: [
        {
          ...ITEM_EXAMPLE,
          history: [],
          dea_schedule: null,
          drug_confirmed: true,
          review_notes: [],
          source: { message_id: null, fhir_id: null, ndc: null, rxnorm: null, drug_text: null, prescriber_npi: null },
        },
      ],
      total: 1,
    },
  ],
})

/** A prescription taken in: its id and status, what the pharmacist must look at, and whether it was there already (a resent NCPDP NewRx). */
export const IntakeAnswer = z
  .strictObject({
    prescription_id: Id,
    status: PrescriptionStatus,
    notes: z.array(z.string()).min(1).optional().meta({ description: 'What could not be resolved (patient, drug, missing fields)' }),
    duplicate: z.literal(true).optional().meta({ description: 'The same NCPDP message was taken before: this is its prescription' }),
  })
  .meta({ examples: [{ prescription_id: ID, status: 'received' }] })

/** An uploaded document, stored, waiting for a pharmacist to transcribe it. */
export const UploadAnswer = z
  .strictObject({
    prescription_id: Id,
    status: PrescriptionStatus,
    content_type: z.enum(UPLOAD_TYPES).meta({ description: 'As its bytes show' }),
    size_bytes: z.int().min(1),
    sha256: Sha256Hex,
  })
  .meta({
    examples: [{ prescription_id: ID, status: 'received', content_type: 'application/pdf', size_bytes: 15, sha256: 'a'.repeat(64) }],
  })

/** An allergy as recorded: the substance as said or coded, and what drug utilisation review matches it by. */
export const AllergyAnswer = z
  .strictObject({
    allergy_id: Id,
    patient_id: AnyUuid.nullable().meta({ description: 'null: a FHIR patient reference that is not one of ours' }),
    substance: z.string(),
    code: z.string().nullable(),
    system: z.string().nullable(),
    categories: z.array(z.string()),
    matches: z.strictObject({ ingredients: z.array(z.string()), atc_prefixes: z.array(z.string()) }),
    criticality: z.enum(CRITICALITIES).nullable(),
    status: z.enum(['active', 'inactive', 'resolved', 'refuted', 'entered-in-error']),
    source: z.enum(['fhir', 'manual']),
    recorded_by: z.string(),
    recorded_at: Time,
  })
  .meta({
    examples: [
      {
        allergy_id: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
        patient_id: PATIENT,
        substance: 'penicillin',
        code: '91936005',
        system: 'http://snomed.info/sct',
        categories: [],
        matches: { ingredients: ['penicillin'], atc_prefixes: ['J01C'] },
        criticality: 'high',
        status: 'active',
        source: 'manual',
        recorded_by: PATIENT,
        recorded_at: AT,
      },
    ],
  })

/** GET /patients/{patientId}/allergies */
export const AllergiesAnswer = z.strictObject({ patient_id: Id, allergies: z.array(AllergyAnswer) })

/** A FHIR Bundle taken in: one answer per MedicationRequest, and the AllergyIntolerances recorded. */
export const BundleAnswer = z.strictObject({ prescriptions: z.array(IntakeAnswer), allergies: z.array(AllergyAnswer) })

/** What an NCPDP CancelRx, RxRenewalResponse or RxChangeResponse did (202: kept for a pharmacist, unmatched or ambiguous). */
export const NcpdpAnswer = z
  .strictObject({
    transaction: z.enum(RECEIVED_TRANSACTIONS).exclude(['NewRx']),
    message_id: z.string(),
    outcome: z.string().meta({ description: 'cancelled, renewed, changed, denied, cancel refused…, unmatched…, ambiguous…' }),
    prescription_id: Id.nullable().meta({ description: 'The prescription it concerns, when matched' }),
    new_prescription_id: Id.optional().meta({ description: 'The prescription an approved renewal or change created' }),
    needs_review: z.literal(true).optional(),
    duplicate: z.literal(true).optional().meta({ description: 'This MessageID was taken before: its first outcome' }),
  })
  .meta({
    examples: [
      {
        transaction: 'RxRenewalResponse',
        message_id: 'RR-2026-000123',
        outcome: 'renewed',
        prescription_id: ID,
        new_prescription_id: DRUG,
      },
    ],
  })

/** A pharmacist's decision: verified (with its Ed25519 signature) or rejected. */
export const VerifyAnswer = z
  .strictObject({
    prescription_id: Id,
    status: z.enum(['verified', 'rejected']),
    signature: z.string().optional().meta({ description: 'Ed25519 over the signed form (base64url); GET /prescriptions/signing-keys' }),
    signing_key_id: z.string().optional(),
  })
  .meta({ examples: [{ prescription_id: ID, status: 'verified', signature: 'c2lnbmF0dXJl', signing_key_id: 'rx-key-1' }] })

/** A transcribed prescription, received again for its review. */
export const TranscribeAnswer = z.strictObject({ prescription_id: Id, status: PrescriptionStatus })

/** POST /webhooks/epcs/status: recorded (200 known prescription, 202 unknown), or a redelivery of a message_id. */
export const EpcsAnswer = z.union([
  z.strictObject({ status: z.literal('accepted'), message_id: z.string(), prescription_known: z.boolean(), outcome: z.string() }),
  z.strictObject({ status: z.literal('accepted'), message_id: z.string(), duplicate: z.literal(true) }),
])

/** GET /prescriptions/signing-keys */
export const SigningKeysAnswer = z
  .strictObject({
    keys: z.array(
      z.strictObject({
        key_id: z.string(),
        algorithm: z.string(),
        public_key: z.string().meta({ description: 'SPKI PEM' }),
        created_at: Time,
        retired_at: Time.nullable(),
      }),
    ),
  })
  .meta({
    examples: [
      {
        keys: [
          {
            key_id: 'rx-key-1',
            algorithm: 'Ed25519',
            public_key:
              '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n',
            created_at: AT,
            retired_at: null,
          },
        ],
      },
    ],
  })

/** GET /internal/prescriptions/{prescriptionId}: contracts' InternalPrescription as this service answers it. */
export const InternalPrescriptionAnswer = z.strictObject({
  prescription_id: Id,
  patient_id: AnyUuid,
  drug_id: Id.nullable(),
  status: PrescriptionStatus,
  quantity: Count,
  refills_remaining: Count,
  expiry_date: Day.nullable(),
  dea_schedule: DeaSchedule.nullable(),
  prescriber_id: z.string().nullable(),
  issue_date: Day.nullable(),
  verified_at: Time.nullable(),
  signing_key_id: z.string().nullable(),
  signature: z.string().nullable(),
  signature_valid: z.boolean(),
  dispensable: z.boolean(),
})

/** POST /internal/prescriptions/{prescriptionId}/fills: the fill (201), or the one this order made before (200, duplicate). */
export const FillAnswer = z.strictObject({
  prescription_id: Id,
  order_id: Id,
  fill_number: z.int().min(1),
  quantity: z.int().min(1),
  filled_on: Day,
  refills_remaining: Count,
  renewal_requested: z.boolean(),
  duplicate: z.literal(true).optional(),
})

/** GET /internal/patients/{patientId}/medications: contracts' PatientMedications. */
export const MedicationsAnswer = z.strictObject({
  patient_id: Id,
  medications: z.array(z.strictObject({ prescription_id: Id, drug_id: Id, status: PrescriptionStatus, active: z.boolean() })),
  prescriber_ids: z.array(AnyUuid),
})
