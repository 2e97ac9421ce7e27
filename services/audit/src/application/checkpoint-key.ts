import { createPrivateKey, createPublicKey } from 'node:crypto'
import { deriveKey, signCanonical } from '@apotheca/kernel'
import { checkpointDocument, jwkThumbprint, type Checkpoint, type CheckpointHead, type PublicJwk } from '../domain/checkpoint.ts'

/** The audit service's checkpoint signing key: its id, its public half, and signing. */
export interface CheckpointKey {
  keyId: string
  publicJwk: PublicJwk
  sign(head: Omit<CheckpointHead, 'key_id'>): Checkpoint
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/** HKDF purpose of the seed; changing it changes the key (ADR 0010). */
export const CHECKPOINT_KEY_PURPOSE = 'audit:checkpoints'

/**
 * The Ed25519 seed is derived from the master key (HKDF-SHA256, info "apotheca:audit:checkpoints"):
 * every replica signs with the same key and nothing more is stored; a new master key makes a new
 * key, and the old public key stays in audit.signing_keys so old checkpoints still verify.
 */
export function checkpointKey(masterKey: Buffer): CheckpointKey {
  const seed = deriveKey(masterKey, CHECKPOINT_KEY_PURPOSE)
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string }
  const keyId = jwkThumbprint({ x })
  return {
    keyId,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid: keyId, alg: 'EdDSA', use: 'sig' },
    sign(head) {
      const c = { seq: head.seq, hash: head.hash, at: head.at, key_id: keyId }
      return { ...c, signature: signCanonical(privateKey, checkpointDocument(c)) }
    },
  }
}
