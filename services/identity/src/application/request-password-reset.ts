import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { findActiveByEmailIndex } from '../db/account.repository.ts'
import { insertReset, voidOpenResets } from '../db/password-reset.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { assertNotLocked, recordResetRequest, resetThrottleKeys } from './throttle.ts'

/** A reset token works for 30 minutes, once. */
export const RESET_TOKEN_SECONDS = 30 * 60
/**
 * The least time a request takes to answer: a known e-mail writes a reset and its event, an unknown one
 * does not; the floor hides that difference (both take well under it), so the timing says nothing either.
 */
export const RESET_ANSWER_FLOOR_MS = 250

/** A reset token is 256 random bits: a plain SHA-256 is enough to store it (nothing to guess). */
export const resetTokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Someone asks for a password-reset e-mail. For an active account of any role, its unused reset is
 * voided and a new one stored (the token as a hash only), with `identity.password_reset.requested.v1`
 * carrying the token sealed for notifications, which sends it. For an unknown e-mail nothing happens.
 * Either way the caller learns nothing: same answer, same floor time; only the throttle can refuse (429).
 */
export async function requestPasswordReset(deps: IdentityDeps, email: string, ip?: string): Promise<void> {
  const started = Date.now()
  const keys = resetThrottleKeys(deps, email, ip)
  await assertNotLocked(deps, keys, 'Too many password-reset requests')
  await recordResetRequest(deps, keys)
  const account = await findActiveByEmailIndex(deps.db, deps.vault.emailIndex(email))
  if (account) {
    const token = randomBytes(32).toString('base64url')
    const resetId = randomUUID()
    await deps.db.transaction(async (tx) => {
      await voidOpenResets(tx, account.account_id)
      const expiresAt = await insertReset(tx, {
        resetId,
        accountId: account.account_id,
        tokenHash: resetTokenHash(token),
        seconds: RESET_TOKEN_SECONDS,
      })
      await deps.publish(tx, 'identity.password_reset.requested.v1', account.account_id, {
        reset_id: resetId,
        account_id: account.account_id,
        expires_at: expiresAt.toISOString(),
        sealed_token: deps.sealResetToken(resetId, account.account_id, token),
      })
    })
    deps.log.info({ account_id: account.account_id, reset_id: resetId }, 'password reset requested')
  }
  await sleep(Math.max(0, RESET_ANSWER_FLOOR_MS - (Date.now() - started)))
}
