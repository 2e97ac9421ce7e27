import { Problem } from '@apotheca/kernel'
import { findAccount, setPasswordHash } from '../db/account.repository.ts'
import { findLiveResetByToken, markResetUsed } from '../db/password-reset.repository.ts'
import { revokeAccount } from '../db/refresh-token.repository.ts'
import { clearFailures } from '../db/throttle.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { hashPassword } from './passwords.ts'
import { resetTokenHash } from './request-password-reset.ts'

/**
 * One answer for an unknown, used, replaced or expired token: which one it was helps no one but a guesser.
 * 422, not 400: the request is well formed; the token is not (or no longer) one we issued.
 */
export const invalidResetToken = () =>
  new Problem(
    422,
    'invalid-reset-token',
    'This password-reset token is not valid',
    'it may have expired or been used; ask for a new reset e-mail',
  )

/**
 * Sets a new password with an e-mailed reset token. The token is spent, every refresh token of the
 * account revoked and the sign-in lockout of its e-mail cleared, with `identity.account.password_reset.v1`
 * in the same transaction. A second factor stays: an account with TOTP is still asked for it at sign-in.
 */
export async function confirmPasswordReset(deps: IdentityDeps, token: string, newPassword: string): Promise<void> {
  const tokenHash = resetTokenHash(token)
  // Checked before the (costly) password hash, so bad tokens cannot make the server hash for free.
  if (!(await findLiveResetByToken(deps.db, tokenHash))) throw invalidResetToken()
  const hash = await hashPassword(newPassword)
  const done = await deps.db.transaction(async (tx) => {
    const reset = await findLiveResetByToken(tx, tokenHash, true)
    if (!reset) return null
    const account = await findAccount(tx, reset.account_id, true)
    if (!account || account.status !== 'active' || !account.email_index) return null
    await markResetUsed(tx, reset.reset_id)
    await setPasswordHash(tx, account.account_id, hash)
    const revoked = await revokeAccount(tx, account.account_id)
    await clearFailures(tx, `account:${account.email_index}`)
    await deps.publish(tx, 'identity.account.password_reset.v1', account.account_id, { account_id: account.account_id })
    return { accountId: account.account_id, revoked }
  })
  if (!done) throw invalidResetToken()
  deps.log.info({ account_id: done.accountId, sessions_revoked: done.revoked }, 'password reset with an e-mailed token')
}
