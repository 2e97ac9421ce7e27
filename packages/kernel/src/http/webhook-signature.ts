import { createHmac, timingSafeEqual } from 'node:crypto'

export const REPLAY_WINDOW_SECONDS = 300

/** `Apotheca-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (../shared/API.md). */
export function signPayload(secret: string, rawBody: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`
}

/** Checks the signature and the timestamp window; returns why it fails, or null when it holds. */
export function checkSignature(secret: string, rawBody: string, header: string | undefined, now = Date.now()): string | null {
  if (!header) return 'missing Apotheca-Signature header'
  const parts = Object.fromEntries(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1) return 'malformed signature header'
  if (Math.abs(now / 1000 - t) > REPLAY_WINDOW_SECONDS) return 'signature timestamp outside the replay window'
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature does not match'
  return null
}
