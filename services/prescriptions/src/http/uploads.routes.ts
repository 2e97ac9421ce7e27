import { notFound, route } from '@apotheca/kernel'
import { recordPatientAccess } from '../application/record-patient-access.ts'
import type { Deps } from '../application/deps.ts'
import { uploadPrescription } from '../application/upload-prescription.ts'
import { transcribePrescription } from '../application/transcribe-prescription.ts'
import { findDocument } from '../db/document.repository.ts'
import { findPrescription } from '../db/prescription.repository.ts'
import { idempotencyKey } from './prescriptions.routes.ts'
import { PrescriptionParams, TranscribeBody, UploadBody } from './prescriptions.schemas.ts'

/** Uploaded prescriptions: a patient uploads, staff read the document, a pharmacist transcribes it. */
export function uploadRoutes(deps: Deps) {
  return [
    route({
      method: 'POST',
      url: '/prescriptions/uploads',
      summary:
        'A patient uploads a prescription (PDF, JPEG or PNG as base64, at most 700 KiB; type checked by content); a pharmacist transcribes it',
      auth: { roles: ['patient', 'pharmacist', 'technician', 'admin'] },
      schema: { body: UploadBody },
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
      handler: async ({ principal, params, body }) => transcribePrescription(deps, principal!, params.prescriptionId, body),
    }),
  ]
}
