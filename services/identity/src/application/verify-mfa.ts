import { Problem } from '@apotheca/kernel'
import { checkTotp, guardsReplay } from '../domain/totp.ts'
import { findAccount, recordTotpStep, type AccountRow } from '../db/account.repository.ts'
import { consumeChallenge, lockChallenge, recordFailedAttempt } from '../db/mfa-challenge.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { tokenAnswer, type TokenAnswer } from './sign-in.ts'
import { recoveryHash } from './recovery-codes.ts'
import { recoveryCodesLeft, spendRecoveryCode } from '../db/recovery-code.repository.ts'

/** Wrong codes allowed on one sign-in before it must start again with the password. */
export const MAX_MFA_ATTEMPTS = 5

type Outcome = { account: AccountRow; recovery?: true } | { refused: 'expired' | 'invalid' | 'replayed' }

const REFUSALS = {
  expired: new Problem(401, 'mfa-expired', 'This sign-in has expired or was already used', 'sign in again with your password'),
  invalid: new Problem(401, 'invalid-code', 'Wrong authenticator code'),
  replayed: new Problem(401, 'invalid-code', 'Wrong authenticator code', 'this code was already used; wait for the next one'),
}

/**
 * Completes a sign-in with the TOTP code, or one of the account's recovery codes (each good once):
 * single use per challenge and per code, few attempts.
 */
export async function verifyMfa(
  deps: IdentityDeps,
  mfaToken: string,
  proof: { code: string } | { recovery_code: string },
): Promise<TokenAnswer> {
  const claims = await deps.tokens.verifyMfaToken(mfaToken).catch(() => null)
  if (!claims) throw REFUSALS.expired
  const nowMs = Date.now()
  // Refusals are returned, not thrown, so that the counted attempt commits.
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const ch = await lockChallenge(tx, claims.challengeId)
    if (!ch || ch.account_id !== claims.accountId || ch.consumed || ch.expired || ch.attempts >= MAX_MFA_ATTEMPTS)
      return { refused: 'expired' }
    const account = await findAccount(tx, claims.accountId, true)
    if (!account || account.status !== 'active' || !account.totp_enabled_at || !account.totp_secret_sealed || !account.wrapped_dek)
      return { refused: 'expired' }
    if ('recovery_code' in proof) {
      if (!(await spendRecoveryCode(tx, account.account_id, recoveryHash(deps, proof.recovery_code)))) {
        await recordFailedAttempt(tx, ch.challenge_id)
        return { refused: 'invalid' }
      }
      await consumeChallenge(tx, ch.challenge_id)
      return { account, recovery: true }
    }
    const dek = deps.vault.unwrap(account.account_id, account.wrapped_dek)
    const secret = deps.vault.openJson<string>(dek, account.account_id, 'totp', account.totp_secret_sealed)
    const check = checkTotp(secret, proof.code, nowMs, guardsReplay(secret) ? account.totp_last_step : null)
    if (!check.ok) {
      await recordFailedAttempt(tx, ch.challenge_id)
      return { refused: check.reason }
    }
    await consumeChallenge(tx, ch.challenge_id)
    await recordTotpStep(tx, account.account_id, check.step)
    return { account }
  })
  if ('refused' in outcome) {
    deps.log.info({ account_id: claims.accountId, reason: outcome.refused }, 'second factor refused')
    throw REFUSALS[outcome.refused]
  }
  if (outcome.recovery) {
    deps.log.warn(
      { account_id: outcome.account.account_id, recovery_codes_left: await recoveryCodesLeft(deps.db, outcome.account.account_id) },
      'signed in with a recovery code',
    )
  }
  return tokenAnswer(deps, { sub: outcome.account.account_id, role: outcome.account.role, mfaAt: Math.floor(nowMs / 1000) })
}
