import type { Job } from '@apotheca/kernel'
import { deleteOldResets } from '../db/password-reset.repository.ts'
import type { IdentityDeps } from './deps.ts'

/** A job that deletes password resets a day past their expiry (useless hashes that still name accounts). */
export function purgePasswordResetsJob(deps: IdentityDeps): Job {
  return {
    name: 'identity.purge-password-resets',
    everyMs: 60 * 60_000,
    async run() {
      const n = await deleteOldResets(deps.db)
      if (n) deps.log.info({ deleted: n }, 'old password resets deleted')
    },
  }
}
