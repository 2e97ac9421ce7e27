import { z } from 'zod'
import { notFound, route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { findPractitioner } from '../db/practitioner.repository.ts'
import { PractitionerAnswer } from './responses.ts'

/** Prescribers' registry identifiers for other services (prescriptions validates NPI, DEA and licence state). */
export function practitionerRoutes(deps: Pick<IdentityDeps, 'db'>) {
  return [
    route({
      method: 'GET',
      url: '/internal/practitioners/:practitionerId',
      summary: "A prescriber's NPI, DEA number, licence state and account status (internal)",
      auth: { internal: true },
      schema: { params: z.object({ practitionerId: z.uuid() }) },
      responses: { 200: PractitionerAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params }) => {
        const p = await findPractitioner(deps.db, params.practitionerId)
        if (!p) throw notFound('Practitioner')
        return { practitioner_id: p.account_id, npi: p.npi, dea_number: p.dea_number, licence_state: p.licence_state, status: p.status }
      },
    }),
  ]
}
