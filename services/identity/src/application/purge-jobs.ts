import type { Database, Job } from '@apotheca/kernel'
import { deleteExpiredChallenges } from '../db/mfa-challenge.repository.ts'
import { deleteOldResets } from '../db/password-reset.repository.ts'
import type { IdentityDeps } from './deps.ts'

/** A job that deletes rows identity no longer needs but that still name accounts. */
function purgeJob(deps: IdentityDeps, name: string, everyMs: number, purge: (db: Database) => Promise<number>, what: string): Job {
  return {
    name,
    everyMs,
    async run() {
      const n = await purge(deps.db)
      if (n) deps.log.info({ deleted: n }, what)
    },
  }
}

/** Second-factor challenges long expired, and password resets a day past their expiry. */
export const purgeJobs = (deps: IdentityDeps): Job[] => [
  purgeJob(deps, 'identity.purge-mfa-challenges', 10 * 60_000, deleteExpiredChallenges, 'expired mfa challenges deleted'),
  purgeJob(deps, 'identity.purge-password-resets', 60 * 60_000, deleteOldResets, 'old password resets deleted'),
]
