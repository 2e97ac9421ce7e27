import { Problem, conflict, notFound } from '@apotheca/kernel'
import { checkTotp, newTotpSecret, totpUri } from '../domain/totp.ts'
import { enableTotp, findAccount, setPendingTotp } from '../db/account.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { issueRecoveryCodes } from './recovery-codes.ts'
import { tokenAnswer, type TokenAnswer } from './sign-in.ts'

const enrolmentExpired = () => new Problem(401, 'enrolment-expired', 'This enrolment has expired', 'sign in again with your password')

/** The account an enrolment token (from a staff sign-in without a second factor) speaks for. */
async function enrollingAccount(deps: IdentityDeps, enrolmentToken: string): Promise<string> {
  return deps.tokens.verifyEnrolmentToken(enrolmentToken).catch(() => {
    throw enrolmentExpired()
  })
}

/** Enrolment at sign-in, step 1: the new secret for the authenticator app. */
export async function startEnrolmentAtSignIn(deps: IdentityDeps, enrolmentToken: string) {
  return startTotpEnrolment(deps, await enrollingAccount(deps, enrolmentToken))
}

/**
 * Enrolment at sign-in, step 2: the first code puts the factor in force and completes the sign-in,
 * with the second factor just proven (`mfa_at` now) and the recovery codes, shown once.
 */
export async function completeEnrolmentAtSignIn(
  deps: IdentityDeps,
  enrolmentToken: string,
  code: string,
): Promise<TokenAnswer & { recovery_codes: string[] }> {
  const accountId = await enrollingAccount(deps, enrolmentToken)
  const { recovery_codes } = await confirmTotpEnrolment(deps, accountId, code)
  const account = await findAccount(deps.db, accountId)
  if (!account || account.status !== 'active') throw enrolmentExpired()
  return { ...(await tokenAnswer(deps, { sub: accountId, role: account.role, mfaAt: Math.floor(Date.now() / 1000) })), recovery_codes }
}

/**
 * Starts TOTP enrolment for the signed-in account: a new secret, stored sealed and not yet in force,
 * returned once for the authenticator app. An account that already has a second factor must keep it.
 */
export async function startTotpEnrolment(deps: IdentityDeps, accountId: string): Promise<{ secret: string; otpauth_uri: string }> {
  const secret = newTotpSecret()
  const label = await deps.db.transaction(async (tx) => {
    const account = await findAccount(tx, accountId, true)
    if (!account || account.status !== 'active' || !account.wrapped_dek || !account.contact_sealed) throw notFound('Account')
    if (account.totp_enabled_at) throw conflict('mfa-already-enabled', 'This account already has an authenticator')
    const dek = deps.vault.unwrap(accountId, account.wrapped_dek)
    await setPendingTotp(tx, accountId, deps.vault.sealJson(dek, accountId, 'totp', secret))
    return deps.vault.openJson<{ email: string }>(dek, accountId, 'contact', account.contact_sealed).email
  })
  return { secret, otpauth_uri: totpUri(secret, label) }
}

/** Puts the pending secret in force once the account proves a code from it; returns the recovery codes, once. */
export async function confirmTotpEnrolment(
  deps: IdentityDeps,
  accountId: string,
  code: string,
): Promise<{ mfa_enabled: true; recovery_codes: string[] }> {
  const recovery_codes = await deps.db.transaction(async (tx) => {
    const account = await findAccount(tx, accountId, true)
    if (!account || account.status !== 'active' || !account.wrapped_dek) throw notFound('Account')
    if (account.totp_enabled_at) throw conflict('mfa-already-enabled', 'This account already has an authenticator')
    if (!account.totp_secret_sealed) throw conflict('mfa-not-started', 'Start the enrolment first', 'POST /auth/mfa/totp')
    const secret = deps.vault.openJson<string>(
      deps.vault.unwrap(accountId, account.wrapped_dek),
      accountId,
      'totp',
      account.totp_secret_sealed,
    )
    const check = checkTotp(secret, code, Date.now(), null)
    if (!check.ok) throw new Problem(422, 'invalid-code', 'Wrong authenticator code', 'enter the code your authenticator app shows now')
    await enableTotp(tx, accountId, check.step)
    return issueRecoveryCodes(deps, tx, accountId)
  })
  deps.log.info({ account_id: accountId }, 'second factor enrolled')
  return { mfa_enabled: true, recovery_codes }
}

/** New recovery codes for an account with a second factor (the old ones stop working). */
export async function renewRecoveryCodes(deps: IdentityDeps, accountId: string): Promise<{ recovery_codes: string[] }> {
  const recovery_codes = await deps.db.transaction(async (tx) => {
    const account = await findAccount(tx, accountId, true)
    if (!account || account.status !== 'active') throw notFound('Account')
    if (!account.totp_enabled_at) throw conflict('mfa-not-enabled', 'This account has no authenticator yet', 'POST /auth/mfa/totp')
    return issueRecoveryCodes(deps, tx, accountId)
  })
  deps.log.info({ account_id: accountId }, 'recovery codes renewed')
  return { recovery_codes }
}
