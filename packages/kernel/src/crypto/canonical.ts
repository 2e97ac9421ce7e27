import { createHash, sign, verify, type KeyObject } from 'node:crypto'

/** Canonical JSON (keys sorted, no spaces): the form signatures and hash chains are taken over. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export const sha256Hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex')

/** Ed25519 signature over the canonical form, base64url. */
export function signCanonical(privateKey: KeyObject, value: unknown): string {
  return sign(null, Buffer.from(canonicalJson(value)), privateKey).toString('base64url')
}

export function verifyCanonical(publicKey: KeyObject, value: unknown, signature: string): boolean {
  return verify(null, Buffer.from(canonicalJson(value)), publicKey, Buffer.from(signature, 'base64url'))
}
