import { createHmac, timingSafeEqual } from 'node:crypto'

export const REPLAY_WINDOW_SECONDS = 300

/** `Apotheca-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (../shared/API.md). */
export function signPayload(secret: string, rawBody: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`
}

function parseHeader(header: string): { t: number; mac: Buffer } | null {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2).map((s) => s.trim()) as [string, string]))
  const t = Number(parts.t)
  if (!/^\d+$/.test(parts.t ?? '') || !Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/i.test(parts.v1 ?? '')) return null
  return { t, mac: Buffer.from(parts.v1!, 'hex') }
}

/** Checks the signature and the timestamp window; returns why it fails, or null when it holds. */
export function checkSignature(secret: string, rawBody: string, header: string | undefined, now = Date.now()): string | null {
  if (!header) return 'missing Apotheca-Signature header'
  const parsed = parseHeader(header)
  if (!parsed) return 'malformed signature header'
  if (Math.abs(now / 1000 - parsed.t) > REPLAY_WINDOW_SECONDS) return 'signature timestamp outside the replay window'
  const expected = createHmac('sha256', secret).update(`${parsed.t}.${rawBody}`).digest()
  if (!timingSafeEqual(parsed.mac, expected)) return 'signature does not match'
  return null
}

/**
 * What makes two deliveries the same, for the replay guard: the timestamp and the MAC's bytes,
 * however the header writes them (hex case, order of its parts, spaces, leading zeros).
 * Call only on a header checkSignature accepted.
 */
export function signatureIdentity(header: string): string {
  const parsed = parseHeader(header)
  if (!parsed) throw new Error('signatureIdentity needs a well-formed signature header')
  return `${parsed.t}.${parsed.mac.toString('hex')}`
}
