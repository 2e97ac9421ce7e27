import { route, type Database } from '@apotheca/kernel'
import { checkInteractions } from '../application/check-interactions.ts'
import { InteractionCheck } from './catalog.schemas.ts'

/** Every signed-in role that handles medicines (drivers and auditors do not). */
const SIGNED_IN = { roles: ['patient' as const, 'practitioner' as const, 'pharmacist' as const, 'technician' as const, 'admin' as const] }

/** Drug–drug interaction checks. */
export function interactionRoutes(db: Database) {
  return [
    route({
      method: 'POST',
      url: '/interactions/check',
      summary: 'Checks 2–50 drugs pairwise for interactions by active ingredient; each pair once, highest severity',
      auth: SIGNED_IN,
      schema: { body: InteractionCheck },
      handler: async ({ body }) => checkInteractions(db, body.drug_ids),
    }),
  ]
}
