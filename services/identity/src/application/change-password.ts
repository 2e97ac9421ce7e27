import { Problem, notFound, type Principal } from '@apotheca/kernel'
import { findAccount, setPasswordHash } from '../db/account.repository.ts'
import { revokeAccount } from '../db/refresh-token.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { assertNotLocked, clearSignInFailures, recordSignInFailure } from './throttle.ts'

/**
 * The signed-in owner changes their password, proving the current one (a stolen access token alone
 * cannot). Wrong guesses count towards the same lockout as sign-ins. Every refresh token of the
 * account is revoked, so other sessions end within an access token's lifetime.
 */
export async function changePassword(deps: IdentityDeps, who: Principal, current: string, next: string): Promise<void> {
  const account = await findAccount(deps.db, who.sub)
  if (!account || account.status !== 'active' || !account.password_hash) throw notFound('Account')
  const keys = { account: `account:${account.email_index}` }
  await assertNotLocked(deps, keys)
  if (!(await verifyPassword(account.password_hash, current))) {
    await recordSignInFailure(deps, keys)
    throw new Problem(403, 'invalid-credentials', 'The current password is wrong')
  }
  if (current === next) throw new Problem(422, 'password-unchanged', 'The new password is the current one')
  await clearSignInFailures(deps, keys)
  const hash = await hashPassword(next)
  const revoked = await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, account.account_id, hash)
    const n = await revokeAccount(tx, account.account_id)
    await deps.publish(tx, 'identity.account.password_changed.v1', account.account_id, {
      account_id: account.account_id,
      sessions_revoked: n,
    })
    return n
  })
  deps.log.info({ account_id: account.account_id, sessions_revoked: revoked }, 'password changed')
}
