import { Problem, forbidden, idempotent, type Answer, type Principal } from '@apotheca/kernel'
import { MAX_UPLOAD_BYTES, decodeBase64, sha256, sniffType } from '../domain/upload.ts'
import type { PrescriptionDraft } from '../domain/intake.ts'
import { insertDocument } from '../db/document.repository.ts'
import { recordOne } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** An upload as the route validated it: the patient, the file base64, and the type the client claims (checked, not trusted). */
export interface UploadInput {
  patient_id: string
  content_base64: string
  content_type?: string | undefined
}

const LABEL = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as const

/** An upload as base64 in JSON (POST /prescriptions/uploads): a patient their own, staff for a patient. */
export async function uploadPrescription(
  deps: PrescriptionsDeps,
  principal: Principal,
  input: UploadInput,
  idempotencyKey: string | undefined,
): Promise<Answer> {
  if (principal.role === 'patient' && principal.sub !== input.patient_id)
    throw forbidden('A patient may upload only their own prescriptions')
  const bytes = decodeBase64(input.content_base64)
  if (!bytes)
    throw new Problem(400, 'invalid-upload', 'The file is not base64', 'send the file as standard base64', {
      errors: [{ field: 'body.content_base64', message: 'not base64' }],
    })
  return storeUpload(deps, principal, input.patient_id, bytes, input.content_type, idempotencyKey)
}

/**
 * An upload as the raw body of POST /prescriptions/submit (Content-Type application/pdf, image/jpeg or
 * image/png): only a patient sends one, and it is theirs, since nothing else in the request names a patient.
 */
export async function uploadRawPrescription(
  deps: PrescriptionsDeps,
  principal: Principal,
  body: unknown,
  contentType: string,
  idempotencyKey: string | undefined,
): Promise<Answer> {
  if (principal.role !== 'patient')
    throw forbidden('A file is uploaded by the patient it belongs to; staff upload with POST /prescriptions/uploads, naming the patient')
  if (!Buffer.isBuffer(body)) throw new Problem(400, 'invalid-upload', 'No file in the body', "send the file's bytes as the body")
  return storeUpload(deps, principal, principal.sub, body, contentType, idempotencyKey)
}

/**
 * Keeps a photo or scan of a paper prescription (PDF, JPEG, PNG, at most 700 KiB). The type is read
 * from the first bytes; a claimed type that disagrees, or any other file, is a 415. The bytes are kept
 * with their SHA-256, and the prescription (received, no drug yet) is reviewed and waits for a
 * pharmacist to transcribe it.
 */
async function storeUpload(
  deps: PrescriptionsDeps,
  principal: Principal,
  patientId: string,
  bytes: Buffer,
  claimed: string | undefined,
  idempotencyKey: string | undefined,
): Promise<Answer> {
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new Problem(413, 'upload-too-large', 'The file is too large', `at most ${MAX_UPLOAD_BYTES} bytes; this one has ${bytes.length}`)
  const type = sniffType(bytes)
  if (!type)
    throw new Problem(
      415,
      'unsupported-upload',
      'Not a PDF, JPEG or PNG file',
      "the file's content is not a PDF, JPEG or PNG, whatever its name",
    )
  if (claimed && claimed !== type)
    throw new Problem(
      415,
      'unsupported-upload',
      'The file is not what it claims',
      `claimed ${claimed.slice(0, 60)}, but its content is ${type}`,
    )
  const digest = sha256(bytes)
  return idempotent(
    deps.db,
    'prescriptions',
    `upload:${principal.sub}`,
    idempotencyKey,
    { patient_id: patientId, sha256: digest },
    async () => {
      const draft: PrescriptionDraft = {
        channel: 'upload',
        patient_id: patientId,
        drug_id: null,
        prescriber_id: null,
        submitted_by: principal.sub,
        dosage: null,
        quantity: null,
        refill_count: 0,
        issue_date: null,
        expiry_date: null,
        dea_schedule: null,
        drug_confirmed: false,
        drug_resolution: null,
        final: 'in_review',
        reason: 'uploaded',
        notes: [`uploaded ${LABEL[type]} (${bytes.length} bytes, sha256 ${digest.slice(0, 16)}…): transcribe it from the document`],
        source: {},
      }
      const row = await deps.db.transaction(async (tx) => {
        const r = await recordOne(deps.publish, tx, draft, principal.sub)
        await insertDocument(tx, {
          prescription_id: r.row.prescription_id,
          content_type: type,
          size_bytes: bytes.length,
          sha256: digest,
          content: bytes,
        })
        return r.row
      })
      return {
        status: 201,
        body: { prescription_id: row.prescription_id, status: row.status, content_type: type, size_bytes: bytes.length, sha256: digest },
      }
    },
  )
}
