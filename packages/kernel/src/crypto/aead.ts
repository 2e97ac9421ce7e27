import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url; aad binds a value to its record and field. */
export function seal(key: Buffer, plaintext: string | Buffer, aad = ''): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad))
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.')
}

export function open(key: Buffer, sealed: string, aad = ''): Buffer {
  const [v, iv, tag, ct] = sealed.split('.')
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed value')
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  d.setAAD(Buffer.from(aad))
  d.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()])
}

/** A fresh 256-bit data key. */
export const newDataKey = () => randomBytes(32)

/** A sub-key of the master key for one purpose (HKDF-SHA256), so one secret never serves two uses. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `apotheca:${purpose}`, 32))
}

/** Keyed hash for equality lookups on encrypted fields (blind index). */
export function blindIndex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value.trim().toLowerCase()).digest('hex')
}
