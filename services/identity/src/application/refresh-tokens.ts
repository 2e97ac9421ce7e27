import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Role } from '@apotheca/contracts'
import { Problem, type Sql } from '@apotheca/kernel'
import { findAccount } from '../db/account.repository.ts'
import { insertRefresh, lockRefresh, markUsed, revokeAccount, revokeFamily } from '../db/refresh-token.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { ACCESS_TOKEN_SECONDS } from './tokens.ts'

/** A refresh token lives 30 days unless rotated, revoked or its account erased. */
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600

// 256 random bits: a plain SHA-256 is enough to store it (nothing to guess, unlike a password).
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/** Issues a refresh token, of a new family (a sign-in) or of the given one (a rotation). */
export async function issueRefresh(tx: Sql, accountId: string, mfaAt: number | null, familyId: string = randomUUID()): Promise<string> {
  const token = `rt_${randomBytes(32).toString('base64url')}`
  await insertRefresh(tx, { tokenHash: hashOf(token), familyId, accountId, mfaAt, seconds: REFRESH_TOKEN_SECONDS })
  return token
}

const REFUSED = {
  invalid: new Problem(401, 'invalid-refresh-token', 'This refresh token is not valid', 'sign in again'),
  reused: new Problem(
    401,
    'refresh-token-reused',
    'This refresh token was already used',
    'every session of this sign-in was ended; sign in again',
  ),
}

type Outcome =
  { ok: { accountId: string; role: Role; mfaAt: number | null; refresh: string } } | { refused: keyof typeof REFUSED; accountId?: string }

/**
 * Exchanges a refresh token for a new access token and the next refresh token of its family. A token
 * already spent revokes the family: whoever holds the newer one (thief or owner) must sign in again.
 * The family keeps the sign-in's mfa_at, so a refresh never counts as a fresh step-up.
 */
export async function refreshSession(deps: IdentityDeps, token: string) {
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const row = await lockRefresh(tx, hashOf(token))
    if (!row || row.revoked || row.expired) return { refused: 'invalid' }
    if (row.used) {
      await revokeFamily(tx, row.family_id)
      return { refused: 'reused', accountId: row.account_id }
    }
    const account = await findAccount(tx, row.account_id)
    if (!account || account.status !== 'active') {
      await revokeAccount(tx, row.account_id)
      return { refused: 'invalid' }
    }
    await markUsed(tx, row.token_hash)
    const refresh = await issueRefresh(tx, row.account_id, row.mfa_at, row.family_id)
    return { ok: { accountId: row.account_id, role: account.role, mfaAt: row.mfa_at, refresh } }
  })
  if ('refused' in outcome) {
    if (outcome.refused === 'reused') deps.log.warn({ account_id: outcome.accountId }, 'refresh token reused: its family is revoked')
    throw REFUSED[outcome.refused]
  }
  const { accountId, role, mfaAt, refresh } = outcome.ok
  const access = await deps.tokens.accessToken({ sub: accountId, role, ...(mfaAt === null ? {} : { mfaAt }) })
  return { access_token: access, token_type: 'Bearer' as const, expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refresh }
}

/** Signs out: the refresh token's whole family is revoked. Unknown tokens are ignored (no oracle). */
export async function signOut(deps: IdentityDeps, token: string): Promise<void> {
  const revoked = await deps.db.transaction(async (tx) => {
    const row = await lockRefresh(tx, hashOf(token))
    return row ? revokeFamily(tx, row.family_id) : 0
  })
  if (revoked) deps.log.info({ revoked }, 'signed out')
}
