import { z } from 'zod'
import { route, type Database } from '@apotheca/kernel'
import { findByResource } from '../db/entry.repository.ts'
import { verifyLog } from '../application/verify-log.ts'

const AUDITORS = { roles: ['admin' as const, 'auditor' as const] }

/** The audit service's HTTP routes: query by resource, verify the chain. */
export function auditRoutes(db: Database) {
  return [
    route({
      method: 'GET',
      url: '/audit/events',
      summary: 'Audit entries that concern a resource (order, prescription, patient, shipment…)',
      auth: AUDITORS,
      schema: { querystring: z.object({ resource_id: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
      handler: async ({ query }) => ({ events: await findByResource(db, query.resource_id, query.limit) }),
    }),
    route({
      method: 'GET',
      url: '/audit/verify',
      summary: 'Re-computes the hash chain and says whether it is intact',
      auth: AUDITORS,
      handler: async () => verifyLog(db),
    }),
  ]
}
