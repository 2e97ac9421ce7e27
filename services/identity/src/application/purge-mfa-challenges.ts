import type { Job } from '@apotheca/kernel'
import { deleteExpiredChallenges } from '../db/mfa-challenge.repository.ts'
import type { IdentityDeps } from './deps.ts'

/** A job that deletes second-factor challenges long expired (they are useless, and they name accounts). */
export function purgeMfaChallengesJob(deps: IdentityDeps): Job {
  return {
    name: 'identity.purge-mfa-challenges',
    everyMs: 10 * 60_000,
    async run() {
      const n = await deleteExpiredChallenges(deps.db)
      if (n) deps.log.info({ deleted: n }, 'expired mfa challenges deleted')
    },
  }
}
