import { route } from '@apotheca/kernel'
import type { AuditDeps } from '../application/deps.ts'
import { findByResource } from '../db/entry.repository.ts'
import { verifyLog } from '../application/verify-log.ts'
import { recordLogRead } from '../application/record-log-read.ts'
import { EventsAnswer, EventsQuery, VerifyAnswer } from './schemas.ts'

const AUDITORS = { roles: ['admin' as const, 'auditor' as const] }

/** The audit service's HTTP routes: query by resource (itself audited), verify the chain. */
export function auditRoutes(deps: Pick<AuditDeps, 'db' | 'publish'>) {
  const { db } = deps
  return [
    route({
      method: 'GET',
      url: '/audit/events',
      summary: 'Audit entries that concern a resource (order, prescription, patient, shipment…)',
      auth: AUDITORS,
      schema: { querystring: EventsQuery },
      responses: { 200: EventsAnswer },
      handler: async ({ query, principal }) => {
        const events = await findByResource(db, query.resource_id, query.limit)
        await recordLogRead(deps, principal!, {
          route: 'events',
          resource_id: query.resource_id,
          event_id: null,
          from_seq: events[0]?.seq ?? null,
          to_seq: events.at(-1)?.seq ?? null,
          entries: events.length,
        })
        return { events }
      },
    }),
    route({
      method: 'GET',
      url: '/audit/verify',
      summary: 'Re-computes the hash chain and says whether it is intact',
      auth: AUDITORS,
      responses: { 200: VerifyAnswer },
      handler: async () => verifyLog(db),
    }),
  ]
}
