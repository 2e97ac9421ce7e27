import type { IncomingHttpHeaders } from 'node:http'
import { z } from 'zod'
import { recordPatientAccess } from '../application/record-patient-access.ts'
import { route, unauthorized, type Principal } from '@apotheca/kernel'
import type { PrescriptionsDeps } from '../application/deps.ts'
import { EPRESCRIPTION_TYPES, intakeEPrescription } from '../application/intake-eprescription.ts'
import { submitPrescription } from '../application/submit-prescription.ts'
import { uploadRawPrescription } from '../application/upload-prescription.ts'
import { UPLOAD_TYPES } from '../domain/upload.ts'
import { listPatientPrescriptions, readPrescription, reviewQueue } from '../application/list-prescriptions.ts'
import { verifyPrescription } from '../application/verify-prescription.ts'
import {
  IdempotencyHeaders,
  ListQuery,
  PatientParams,
  PrescriptionParams,
  QueueQuery,
  SubmitBody,
  VerifyBody,
} from './prescriptions.schemas.ts'
import {
  AllergyAnswer,
  BundleAnswer,
  IntakeAnswer,
  NcpdpAnswer,
  PatientPrescriptions,
  PrescriptionAnswer,
  QueueAnswer,
  UploadAnswer,
  VerifyAnswer,
} from './responses.ts'

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

/** Operation ids of the reads and decisions a new prescription id leads to (for links). */
export const OPS = {
  verify: 'postPrescriptionsByPrescriptionIdVerify',
  read: 'getPrescriptionsByPrescriptionId',
  transcribe: 'postPrescriptionsByPrescriptionIdTranscribe',
  document: 'getPrescriptionsByPrescriptionIdDocument',
  patientPrescriptions: 'getPatientsByPatientIdPrescriptions',
} as const

/** A link from an answer that names a prescription id (in `field`) to an operation on it. */
export const byPrescriptionId = (operationId: string, description: string, field = 'prescription_id') => ({
  operationId,
  parameters: { prescriptionId: `$response.body#/${field}` },
  description,
})

/** What a new prescription leads to: the pharmacist's decision and the prescription itself. */
export const NEW_PRESCRIPTION_LINKS = {
  verify: byPrescriptionId(OPS.verify, 'The pharmacist approves or rejects it once it is in review'),
  prescription: byPrescriptionId(OPS.read, 'The prescription with its status history'),
}

/** Prescription routes: submit (JSON, FHIR, NCPDP, a patient's file), one prescription, a patient's list, the pharmacist's queue and verification. */
export function prescriptionRoutes(deps: PrescriptionsDeps) {
  return [
    route({
      method: 'POST',
      url: '/prescriptions/submit',
      summary:
        "Submit a prescription: JSON, FHIR R4 MedicationRequest/AllergyIntolerance/Bundle (application/fhir+json), NCPDP SCRIPT NewRx (application/xml), or a patient's own scan as the raw body (application/pdf, image/jpeg, image/png)",
      description:
        'JSON and uploads answer 201 {prescription_id, status}. A FHIR MedicationRequest or NCPDP NewRx answers 201 with notes on what could ' +
        'not be resolved (200 duplicate for a resent NewRx); a lone AllergyIntolerance answers the allergy, a Bundle both lists. An NCPDP ' +
        'CancelRx, RxRenewalResponse or RxChangeResponse answers what it did: 200, or 202 when kept for a pharmacist. The e-prescribing ' +
        'network may sign the call (Apotheca-Signature) instead of sending a token.',
      auth: { roles: ['practitioner', 'pharmacist', 'admin', 'patient'], orSigned: 'epcs' },
      schema: { body: SubmitBody, headers: IdempotencyHeaders },
      rawContentTypes: [...EPRESCRIPTION_TYPES, ...UPLOAD_TYPES],
      responses: {
        200: {
          schema: z.union([IntakeAnswer, NcpdpAnswer]),
          description: 'A resent NCPDP NewRx (duplicate: its prescription), or what a CancelRx or renewal/change response did',
          links: {
            verifyNew: byPrescriptionId(
              OPS.verify,
              'The pharmacist decides on the prescription a renewal or change created',
              'new_prescription_id',
            ),
            newPrescription: byPrescriptionId(OPS.read, 'The prescription a renewal or change created', 'new_prescription_id'),
          },
        },
        201: {
          schema: z.union([IntakeAnswer, UploadAnswer, AllergyAnswer, BundleAnswer]),
          description: 'Taken in: reviewed next (validation, drug utilisation review), then in the pharmacist’s queue',
          links: NEW_PRESCRIPTION_LINKS,
        },
        202: {
          schema: NcpdpAnswer,
          description: 'An NCPDP message kept for a pharmacist: it matches no prescription of ours, or several, or its answer is ambiguous',
          links: {
            verifyNew: byPrescriptionId(
              OPS.verify,
              'The pharmacist decides on the prescription a renewal or change created',
              'new_prescription_id',
            ),
          },
        },
      },
      problems: {
        400: ['malformed-eprescription', 'invalid-upload'],
        409: ['request-in-progress'],
        413: ['upload-too-large'],
        415: ['unsupported-upload'],
        422: ['unknown-drug', 'invalid-prescription', 'unsupported-eprescription', 'idempotency-key-reused'],
      },
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
      url: '/prescriptions/:prescriptionId',
      summary: 'One prescription with its status history (patients: their own; practitioners: those they prescribed; pharmacy staff: any)',
      auth: { roles: ['patient', 'practitioner', 'pharmacist', 'technician', 'admin'] },
      schema: { params: PrescriptionParams },
      responses: { 200: PrescriptionAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ principal, params }) => {
        const answer = await readPrescription(deps.db, principal!, params.prescriptionId)
        if (answer.patient_id) await recordPatientAccess(deps, principal!, answer.patient_id, 'prescriptions')
        return answer
      },
    }),
    route({
      method: 'GET',
      url: '/patients/:patientId/prescriptions',
      summary: "A patient's prescriptions with their status history (patients: their own; practitioners: those they prescribed)",
      auth: { roles: ['patient', 'practitioner', 'pharmacist', 'technician', 'admin'] },
      schema: { params: PatientParams, querystring: ListQuery },
      responses: { 200: PatientPrescriptions },
      problems: { 404: ['not-found'] },
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
      responses: { 200: QueueAnswer },
      handler: async ({ query }) => reviewQueue(deps.db, query),
    }),
    route({
      method: 'POST',
      url: '/prescriptions/:prescriptionId/verify',
      summary:
        'A pharmacist approves (verified, signed) or rejects a prescription in review; controlled substances need a fresh second factor',
      auth: { roles: ['pharmacist'], mfa: true },
      schema: { params: PrescriptionParams, body: VerifyBody },
      responses: { 200: VerifyAnswer },
      problems: {
        403: ['step-up-required'],
        404: ['not-found'],
        409: ['illegal-transition', 'drug-unconfirmed', 'prescription-incomplete', 'concurrent-change'],
        422: ['invalid-prescription', 'override-required'],
      },
      handler: async ({ principal, params, body }) => verifyPrescription(deps, principal!, params.prescriptionId, body),
    }),
  ]
}
