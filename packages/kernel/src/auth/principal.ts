import type { Role } from '@apotheca/contracts'
import { Problem } from '../http/problem.ts'

/** Who is calling: from a verified access token, or a service of our own (internal). */
export interface Principal {
  sub: string
  role: Role | 'service'
  /** Authentication methods: 'pwd', 'otp' (RFC 8176). */
  amr: string[]
  /** When the user last proved a second factor (seconds since epoch), for step-up checks. */
  mfa_at?: number
  service?: string
}

/** Webhook senders from outside, each with its own signing secret. */
export type WebhookSender = 'epcs' | 'carrier' | 'payments'

/** What a route declares about who may call it; every route must declare one. */
export type Access =
  | { public: true; why: string }
  | { roles: Role[]; mfa?: boolean; orSigned?: WebhookSender }
  | { internal: true }
  | { signed: WebhookSender }

export const STAFF_ROLES: Role[] = ['pharmacist', 'technician', 'admin']

export const hasMfa = (p: Principal) => p.amr.includes('otp')

/** How long a second factor counts as a fresh step-up (controlled substances, DEA schedules II–V). */
export const STEP_UP_SECONDS = 5 * 60

/**
 * True when the caller proved a second factor within `maxAgeSeconds`; an mfa_at more than a minute
 * in the future (a skewed or forged clock) does not count.
 */
export function hasFreshMfa(
  p: Pick<Principal, 'amr' | 'mfa_at'>,
  maxAgeSeconds = STEP_UP_SECONDS,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  return p.amr.includes('otp') && p.mfa_at !== undefined && p.mfa_at <= nowSeconds + 60 && p.mfa_at >= nowSeconds - maxAgeSeconds
}

/** Throws 403 step-up-required unless the caller's second factor is fresh (see hasFreshMfa). */
export function requireStepUp(p: Pick<Principal, 'amr' | 'mfa_at'>, maxAgeSeconds = STEP_UP_SECONDS, nowSeconds?: number): void {
  if (!hasFreshMfa(p, maxAgeSeconds, nowSeconds)) {
    throw new Problem(
      403,
      'step-up-required',
      'This action needs a fresh second factor',
      `verify your authenticator code again (within ${Math.round(maxAgeSeconds / 60)} minutes)`,
    )
  }
}
