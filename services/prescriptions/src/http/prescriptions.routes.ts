import type { IncomingHttpHeaders } from 'node:http'
import { recordPatientAccess } from '../application/record-patient-access.ts'
import { route, unauthorized, type Principal } from '@apotheca/kernel'
import type { Deps } from '../application/deps.ts'
import { EPRESCRIPTION_TYPES, intakeEPrescription } from '../application/intake-eprescription.ts'
import { submitPrescription } from '../application/submit-prescription.ts'
import { uploadRawPrescription } from '../application/upload-prescription.ts'
import { UPLOAD_TYPES } from '../domain/upload.ts'
import { listPatientPrescriptions, reviewQueue } from '../application/list-prescriptions.ts'
import { verifyPrescription } from '../application/verify-prescription.ts'
import { ListQuery, PatientParams, PrescriptionParams, QueueQuery, SubmitBody, VerifyBody } from './prescriptions.schemas.ts'

/** The Idempotency-Key header, if one was sent. */
export function idempotencyKey(headers: IncomingHttpHeaders): string | undefined {
  const v = headers['idempotency-key']
  return Array.isArray(v) ? v[0] : v
}

const signedIn = (p: Principal | null): Principal => {
  if (!p) throw unauthorized('A structured prescription or an upload needs a signed-in prescriber, pharmacist or patient')
  return p
}

const isUpload = (contentType: string) => (UPLOAD_TYPES as readonly string[]).includes(contentType)

/** Prescription routes: submit (JSON, FHIR, NCPDP), a patient's list, the pharmacist's queue and verification. */
export function prescriptionRoutes(deps: Deps) {
  return [
    route({
      method: 'POST',
      url: '/prescriptions/submit',
      summary:
        "Submit a prescription: JSON, FHIR R4 MedicationRequest/AllergyIntolerance/Bundle (application/fhir+json), NCPDP SCRIPT NewRx (application/xml), or a patient's own scan as the raw body (application/pdf, image/jpeg, image/png)",
      auth: { roles: ['practitioner', 'pharmacist', 'admin', 'patient'], orSigned: 'epcs' },
      schema: { body: SubmitBody },
      rawContentTypes: [...EPRESCRIPTION_TYPES, ...UPLOAD_TYPES],
      handler: async (req, reply) => {
        const key = idempotencyKey(req.headers)
        const answer = isUpload(req.contentType)
          ? await uploadRawPrescription(deps, signedIn(req.principal), req.body, req.contentType, key)
          : EPRESCRIPTION_TYPES.includes(req.contentType)
            ? await intakeEPrescription(deps, req.principal, req, key)
            : await submitPrescription(deps, signedIn(req.principal), req.body, key)
        return reply.status(answer.status).send(answer.body)
      },
    }),
    route({
      method: 'GET',
      url: '/patients/:patientId/prescriptions',
      summary: "A patient's prescriptions with their status history (patients: their own; practitioners: those they prescribed)",
      auth: { roles: ['patient', 'practitioner', 'pharmacist', 'technician', 'admin'] },
      schema: { params: PatientParams, querystring: ListQuery },
      handler: async ({ principal, params, query }) => {
        const answer = await listPatientPrescriptions(deps.db, principal!, params.patientId, query)
        await recordPatientAccess(deps, principal!, params.patientId, 'prescriptions')
        return answer
      },
    }),
    route({
      method: 'GET',
      url: '/prescriptions/queue',
      summary: "The pharmacist's queue: prescriptions in review, oldest first, with notes on what could not be resolved",
      auth: { roles: ['pharmacist', 'technician', 'admin'] },
      schema: { querystring: QueueQuery },
      handler: async ({ query }) => reviewQueue(deps.db, query),
    }),
    route({
      method: 'POST',
      url: '/prescriptions/:prescriptionId/verify',
      summary:
        'A pharmacist approves (verified, signed) or rejects a prescription in review; controlled substances need a fresh second factor',
      auth: { roles: ['pharmacist'], mfa: true },
      schema: { params: PrescriptionParams, body: VerifyBody },
      handler: async ({ principal, params, body }) => verifyPrescription(deps, principal!, params.prescriptionId, body),
    }),
  ]
}
