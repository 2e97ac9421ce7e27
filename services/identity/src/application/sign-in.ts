import { randomUUID } from 'node:crypto'
import { Problem } from '@apotheca/kernel'
import { findActiveByEmailIndex } from '../db/account.repository.ts'
import { insertChallenge } from '../db/mfa-challenge.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { verifyPassword } from './passwords.ts'
import { issueRefresh } from './refresh-tokens.ts'
import { assertNotLocked, clearSignInFailures, recordSignInFailure, throttleKeys } from './throttle.ts'
import { ACCESS_TOKEN_SECONDS, ENROLMENT_TOKEN_SECONDS, MFA_TOKEN_SECONDS, type AccessClaims } from './tokens.ts'
import { mustEnrolSecondFactor } from '../domain/second-factor.ts'

/** The answer of a completed sign-in (RFC 6749 token response). */
export interface TokenAnswer {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  /** Exchanged at POST /auth/token/refresh for the next pair; single use (rotation). */
  refresh_token: string
}

/** The answer of a password sign-in that still needs the second factor. */
export interface MfaAnswer {
  mfa_required: true
  mfa_token: string
  expires_in: number
}

/** The answer of a staff password sign-in whose role needs a second factor it has not enrolled yet. */
export interface EnrolmentAnswer {
  mfa_enrolment_required: true
  enrolment_token: string
  expires_in: number
}

/** One answer for a wrong password and an unknown (or erased) e-mail alike. */
export const invalidCredentials = () => new Problem(401, 'invalid-credentials', 'Wrong e-mail or password')

/** Signs the access token of a completed sign-in, with the first refresh token of a new family. */
export async function tokenAnswer(deps: IdentityDeps, claims: AccessClaims): Promise<TokenAnswer> {
  const refresh = await deps.db.transaction((tx) => issueRefresh(tx, claims.sub, claims.mfaAt ?? null))
  return {
    access_token: await deps.tokens.accessToken(claims),
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refresh,
  }
}

/**
 * Checks e-mail and password. An account with TOTP gets a single-use challenge and an mfa token for
 * it; staff whose role needs a second factor and who have none get an enrolment token instead (no
 * access token until they enrol); the others get their access token. The password is verified even when the e-mail is unknown.
 * A locked e-mail or address is refused with 429 before any password work (see throttle.ts).
 */
export async function signIn(
  deps: IdentityDeps,
  email: string,
  password: string,
  ip?: string,
): Promise<TokenAnswer | MfaAnswer | EnrolmentAnswer> {
  const keys = throttleKeys(deps, email, ip)
  await assertNotLocked(deps, keys)
  const account = await findActiveByEmailIndex(deps.db, deps.vault.emailIndex(email))
  const ok = await verifyPassword(account?.password_hash ?? null, password)
  if (!account || !ok) {
    deps.log.info({ account_id: account?.account_id ?? null }, 'sign-in refused')
    await recordSignInFailure(deps, keys)
    throw invalidCredentials()
  }
  await clearSignInFailures(deps, keys)
  if (!account.totp_enabled_at && mustEnrolSecondFactor(account.role)) {
    return {
      mfa_enrolment_required: true,
      enrolment_token: await deps.tokens.enrolmentToken(account.account_id),
      expires_in: ENROLMENT_TOKEN_SECONDS,
    }
  }
  if (!account.totp_enabled_at) return tokenAnswer(deps, { sub: account.account_id, role: account.role })
  const challengeId = randomUUID()
  await deps.db.transaction((tx) => insertChallenge(tx, challengeId, account.account_id, MFA_TOKEN_SECONDS))
  return { mfa_required: true, mfa_token: await deps.tokens.mfaToken(account.account_id, challengeId), expires_in: MFA_TOKEN_SECONDS }
}
