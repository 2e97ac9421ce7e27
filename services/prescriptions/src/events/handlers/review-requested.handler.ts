import { consumer, type Consumer } from '@apotheca/kernel'
import type { PrescriptionsDeps } from '../../application/deps.ts'
import { reviewPrescription } from '../../application/review-prescription.ts'

/** Runs the automated review (validation, DUR) of each prescription intake received, apart from the request that took it in. */
export function reviewRequestedHandler(deps: PrescriptionsDeps): Consumer {
  return consumer({
    name: 'prescriptions.review',
    types: ['prescriptions.prescription.review_requested.v1'],
    handle: async (event, { transaction }) => reviewPrescription(deps, event.payload.prescription_id, transaction),
  })
}
