import { Problem, type Config } from '@apotheca/kernel'
import { clearFailures, countFailure, lockedFor } from '../db/throttle.repository.ts'
import type { IdentityDeps } from './deps.ts'

/** How many counted attempts within a window lock a key, and for how long (seconds). */
export interface Limit {
  failures: number
  windowSeconds: number
  lockSeconds: number
}

/** Wrong passwords for one e-mail before it is locked, and for how long (seconds). */
export const ACCOUNT_LIMIT: Limit = { failures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 }
/** Wrong passwords from one address (many e-mails: credential stuffing) before it is locked. */
export const IP_LIMIT: Limit = { failures: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 }

/** The 429 of a locked e-mail or address; `retryAfter` goes into the Retry-After header. */
export class TooManyAttempts extends Problem {
  constructor(
    readonly retryAfter: number,
    title = 'Too many failed sign-ins',
  ) {
    super(429, 'too-many-attempts', title, `try again in ${retryAfter} seconds`, { retry_after: retryAfter })
  }
}

/**
 * Throttling keys of a sign-in. The e-mail's key is its blind index whether or not an account has it,
 * so a locked answer says nothing about which e-mails exist; the address is a keyed hash, not stored as is.
 */
export function throttleKeys(deps: IdentityDeps, email: string, ip: string | undefined) {
  return { account: `account:${deps.vault.emailIndex(email)}`, ...(ip ? { ip: `ip:${deps.vault.fingerprint({ ip })}` } : {}) }
}

/** Refuses with 429 while the e-mail or the address is locked (before any password work). */
export async function assertNotLocked(deps: IdentityDeps, keys: { account: string; ip?: string }, title?: string): Promise<void> {
  const seconds = await lockedFor(deps.db, [keys.account, ...(keys.ip ? [keys.ip] : [])])
  if (seconds > 0) throw new TooManyAttempts(seconds, title)
}

/** Counts a failed sign-in against the e-mail and the address. */
export async function recordSignInFailure(deps: IdentityDeps, keys: { account: string; ip?: string }): Promise<void> {
  const { account: a, ip } = deps.limits.signIn
  if (await countFailure(deps.db, keys.account, a.failures, a.windowSeconds, a.lockSeconds))
    deps.log.warn({ throttle: 'account' }, 'sign-in locked after repeated failures')
  if (keys.ip && (await countFailure(deps.db, keys.ip, ip.failures, ip.windowSeconds, ip.lockSeconds))) {
    deps.log.warn({ throttle: 'ip' }, 'sign-in locked after repeated failures')
  }
}

/** A successful sign-in forgets the e-mail's failures (the address keeps its count). */
export const clearSignInFailures = (deps: IdentityDeps, keys: { account: string }) => clearFailures(deps.db, keys.account)

/** Reset e-mails asked for one e-mail (mail-bombing a mailbox) before it is locked, and for how long (seconds). */
export const RESET_ACCOUNT_LIMIT: Limit = { failures: 3, windowSeconds: 15 * 60, lockSeconds: 15 * 60 }
/** Reset requests from one address (many e-mails: probing or bombing) before it is locked. */
export const RESET_IP_LIMIT: Limit = { failures: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 }

/** Every throttle of identity. A deployment may raise them (a fuzzer's test run), never switch them off. */
export interface ThrottleLimits {
  signIn: { account: Limit; ip: Limit }
  reset: { account: Limit; ip: Limit }
}

/** The limits in force unless the deployment says otherwise. */
export const DEFAULT_LIMITS: ThrottleLimits = {
  signIn: { account: ACCOUNT_LIMIT, ip: IP_LIMIT },
  reset: { account: RESET_ACCOUNT_LIMIT, ip: RESET_IP_LIMIT },
}

/** The limits a deployment configured (the defaults above unless raised, e.g. for a fuzzer; never switched off). */
export function limitsFrom(
  config: Pick<
    Config,
    'APOTHECA_SIGNIN_ACCOUNT_FAILURES' | 'APOTHECA_SIGNIN_IP_FAILURES' | 'APOTHECA_RESET_ACCOUNT_REQUESTS' | 'APOTHECA_RESET_IP_REQUESTS'
  >,
): ThrottleLimits {
  return {
    signIn: {
      account: { ...ACCOUNT_LIMIT, failures: config.APOTHECA_SIGNIN_ACCOUNT_FAILURES },
      ip: { ...IP_LIMIT, failures: config.APOTHECA_SIGNIN_IP_FAILURES },
    },
    reset: {
      account: { ...RESET_ACCOUNT_LIMIT, failures: config.APOTHECA_RESET_ACCOUNT_REQUESTS },
      ip: { ...RESET_IP_LIMIT, failures: config.APOTHECA_RESET_IP_REQUESTS },
    },
  }
}

/**
 * Throttling keys of a password-reset request: counted apart from sign-ins (a sign-in lockout must
 * not stop its owner from resetting), but made the same way, so a lock tells nothing about the e-mail.
 */
export function resetThrottleKeys(deps: IdentityDeps, email: string, ip: string | undefined) {
  return { account: `reset:${deps.vault.emailIndex(email)}`, ...(ip ? { ip: `reset-ip:${deps.vault.fingerprint({ ip })}` } : {}) }
}

/** Counts a reset request (every one, known e-mail or not) against the e-mail and the address. */
export async function recordResetRequest(deps: IdentityDeps, keys: { account: string; ip?: string }): Promise<void> {
  const { account: a, ip } = deps.limits.reset
  if (await countFailure(deps.db, keys.account, a.failures, a.windowSeconds, a.lockSeconds))
    deps.log.warn({ throttle: 'reset-account' }, 'password reset locked after repeated requests')
  if (keys.ip && (await countFailure(deps.db, keys.ip, ip.failures, ip.windowSeconds, ip.lockSeconds))) {
    deps.log.warn({ throttle: 'reset-ip' }, 'password reset locked after repeated requests')
  }
}
