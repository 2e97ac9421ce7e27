import { route, type Database } from '@apotheca/kernel'
import { checkInteractions } from '../application/check-interactions.ts'
import { loadClassRules } from '../application/class-rules.ts'
import { InteractionCheck } from './catalog.schemas.ts'

/** Every signed-in role that handles medicines (drivers and auditors do not). */
const SIGNED_IN = { roles: ['patient' as const, 'practitioner' as const, 'pharmacist' as const, 'technician' as const, 'admin' as const] }

/** Drug–drug interaction checks. */
export function interactionRoutes(db: Database) {
  const classRules = loadClassRules()
  return [
    route({
      method: 'POST',
      url: '/interactions/check',
      summary: 'Checks 2–50 drugs pairwise for interactions by active ingredient and by ONC drug class (ATC); each pair once, highest severity',
      auth: SIGNED_IN,
      schema: { body: InteractionCheck },
      handler: async ({ body }) => checkInteractions(db, body.drug_ids, classRules),
    }),
    route({
      method: 'POST',
      url: '/internal/interactions/check',
      summary: 'The same check for other services (prescriptions drug utilisation review), with a service token',
      auth: { internal: true },
      schema: { body: InteractionCheck },
      handler: async ({ body }) => checkInteractions(db, body.drug_ids, classRules),
    }),
  ]
}
