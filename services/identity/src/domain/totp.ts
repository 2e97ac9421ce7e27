import * as OTPAuth from 'otpauth'

/** RFC 6238 parameters every authenticator app understands. */
export const TOTP_PERIOD_SECONDS = 30
const DIGITS = 6
const WINDOW = 1

/** The TOTP secret of the demo accounts, published in API.md (embedded demo mode only). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'

/**
 * Whether a second use of a code is refused for this secret. Always, except for the published demo
 * secret: anyone can compute its codes, so a replay guard protects nothing there, and it would make
 * scripted demo flows (the acceptance walkthrough) fail when they sign in twice within 30 s.
 */
export const guardsReplay = (secretBase32: string) => secretBase32 !== DEMO_TOTP_SECRET

/** Why a code was refused, or the time step it proved (kept to refuse a second use of it). */
export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' }

function totp(secretBase32: string, label = 'account') {
  return new OTPAuth.TOTP({
    issuer: 'Apotheca',
    label,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
  })
}

/**
 * Checks a 6-digit code against the secret at `nowMs`, one step either side for clock drift. A code of
 * a step at or before `lastStep` was already used (RFC 6238 §5.2: an OTP is accepted once only).
 */
export function checkTotp(secretBase32: string, code: string, nowMs: number, lastStep: number | null): TotpCheck {
  const delta = totp(secretBase32).validate({ token: code, timestamp: nowMs, window: WINDOW })
  if (delta === null) return { ok: false, reason: 'invalid' }
  const step = Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'replayed' }
  return { ok: true, step }
}

/** The code an authenticator shows at `nowMs` (tests and enrolment checks). */
export function totpCode(secretBase32: string, nowMs = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: nowMs })
}

/** A new random 160-bit secret, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32
}

/** The otpauth:// URI an authenticator app scans from a QR code. */
export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString()
}
