import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { canonicalJson, deriveKey, signCanonical, verifyCanonical } from '@apotheca/kernel'

/** Signs order confirmations with the service's Ed25519 key; the public half is published. */
export interface OrderSigner {
  keyId: string
  publicJwk: Record<string, unknown>
  sign(value: unknown): { document: string; signature: string }
  verify(document: string, signature: string): boolean
}

// PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows it (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/**
 * The key is derived from the master key (HKDF, its own purpose), so every process of orders signs
 * with the same key without storing one, and rotating the master key rotates it; the key id is a
 * hash of the public key, so a verifier can tell keys apart.
 */
export function orderSigner(masterKey: Buffer): OrderSigner {
  const seed = deriveKey(masterKey, 'orders:confirmation-signing-key')
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })
  const publicKey: KeyObject = createPublicKey(privateKey)
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>
  const keyId = `orders-${createHash('sha256').update(String(jwk.x)).digest('hex').slice(0, 16)}`
  return {
    keyId,
    publicJwk: { ...jwk, kid: keyId, alg: 'EdDSA', use: 'sig' },
    sign: (value) => ({ document: canonicalJson(value), signature: signCanonical(privateKey, value) }),
    verify: (document, signature) => {
      try {
        return verifyCanonical(publicKey, JSON.parse(document), signature)
      } catch {
        return false
      }
    },
  }
}
