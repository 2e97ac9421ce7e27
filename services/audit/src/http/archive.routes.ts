import { route } from '@apotheca/kernel'
import type { AuditDeps } from '../application/deps.ts'
import { listArchivedRanges } from '../db/archive.repository.ts'
import { ArchivesAnswer, ArchivesQuery } from './schemas.ts'

const AUDITORS = { roles: ['admin' as const, 'auditor' as const] }

/** Which checkpointed ranges are archived, where, and their SHA-256 (ADR 0012). */
export function archiveRoutes(deps: Pick<AuditDeps, 'db'>) {
  return [
    route({
      method: 'GET',
      url: '/audit/archives',
      summary: 'Archived ranges of the log (one immutable JSON Lines object each), oldest first',
      auth: AUDITORS,
      schema: { querystring: ArchivesQuery },
      responses: { 200: ArchivesAnswer },
      handler: async ({ query }) => {
        const ranges = await listArchivedRanges(deps.db, query.after_seq ?? null, query.limit)
        return { ranges, next_after_seq: ranges.length === query.limit ? ranges[ranges.length - 1]!.to_seq : null }
      },
    }),
  ]
}
