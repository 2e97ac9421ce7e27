import { z } from 'zod'
import { notFound, route } from '@apotheca/kernel'
import { recordPatientAccess } from '../application/record-patient-access.ts'
import type { PrescriptionsDeps } from '../application/deps.ts'
import { uploadPrescription } from '../application/upload-prescription.ts'
import { transcribePrescription } from '../application/transcribe-prescription.ts'
import { findDocument } from '../db/document.repository.ts'
import { findPrescription } from '../db/prescription.repository.ts'
import { UPLOAD_TYPES } from '../domain/upload.ts'
import { NEW_PRESCRIPTION_LINKS, OPS, byPrescriptionId, idempotencyKey } from './prescriptions.routes.ts'
import { IdempotencyHeaders, PrescriptionParams, TranscribeBody, UploadBody } from './prescriptions.schemas.ts'
import { TranscribeAnswer, UploadAnswer } from './responses.ts'

/** The document as uploaded: its bytes, in the type they show. */
const FILE = z.string().meta({ format: 'binary' })

/** Uploaded prescriptions: a patient uploads, staff read the document, a pharmacist transcribes it. */
export function uploadRoutes(deps: PrescriptionsDeps) {
  return [
    route({
      method: 'POST',
      url: '/prescriptions/uploads',
      summary:
        'A patient uploads a prescription (PDF, JPEG or PNG as base64, at most 700 KiB; type checked by content); a pharmacist transcribes it',
      auth: { roles: ['patient', 'pharmacist', 'technician', 'admin'] },
      schema: { body: UploadBody, headers: IdempotencyHeaders },
      responses: {
        201: {
          schema: UploadAnswer,
          description: 'Stored with its SHA-256; the prescription waits in review for a pharmacist to transcribe it',
          links: {
            ...NEW_PRESCRIPTION_LINKS,
            transcribe: byPrescriptionId(OPS.transcribe, 'A pharmacist transcribes what the document says'),
            document: byPrescriptionId(OPS.document, 'The document as uploaded'),
          },
        },
      },
      problems: { 409: ['request-in-progress'], 415: ['unsupported-upload'], 422: ['idempotency-key-reused'] },
      handler: async (req, reply) => {
        const answer = await uploadPrescription(deps, req.principal!, req.body, idempotencyKey(req.headers))
        return reply.status(answer.status).send(answer.body)
      },
    }),
    route({
      method: 'GET',
      url: '/prescriptions/:prescriptionId/document',
      summary: 'The uploaded document of a prescription, as uploaded, with its SHA-256 (the patient their own; pharmacy staff)',
      auth: { roles: ['patient', 'pharmacist', 'technician', 'admin'] },
      schema: { params: PrescriptionParams },
      responses: {
        200: {
          content: Object.fromEntries(UPLOAD_TYPES.map((t) => [t, FILE])),
          description: 'The bytes as uploaded, as an attachment',
          headers: {
            'x-content-sha256': {
              description: 'Hex SHA-256 of the bytes',
              schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              required: true,
            },
            'content-disposition': { description: 'attachment', required: true },
          },
        },
      },
      problems: { 404: ['not-found'] },
      handler: async ({ principal, params }, reply) => {
        const p = await findPrescription(deps.db, params.prescriptionId)
        if (!p || (principal!.role === 'patient' && p.patient_id !== principal!.sub)) throw notFound('Document')
        const d = await findDocument(deps.db, params.prescriptionId)
        if (!d) throw notFound('Document')
        if (p.patient_id) await recordPatientAccess(deps, principal!, p.patient_id, 'document')
        return reply.type(d.content_type).header('x-content-sha256', d.sha256).header('content-disposition', 'attachment').send(d.content)
      },
    }),
    route({
      method: 'POST',
      url: '/prescriptions/:prescriptionId/transcribe',
      summary: 'A pharmacist transcribes a prescription in review (an upload): its fields are set and it is reviewed again',
      auth: { roles: ['pharmacist'], mfa: true },
      schema: { params: PrescriptionParams, body: TranscribeBody },
      responses: {
        200: { schema: TranscribeAnswer, description: 'Transcribed: received again, and reviewed again before the pharmacist decides' },
      },
      problems: {
        404: ['not-found'],
        409: ['illegal-transition', 'drug-unconfirmed', 'concurrent-change'],
        422: ['unknown-drug', 'invalid-prescription'],
      },
      handler: async ({ principal, params, body }) => transcribePrescription(deps, principal!, params.prescriptionId, body),
    }),
  ]
}
