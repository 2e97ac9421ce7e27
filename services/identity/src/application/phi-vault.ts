import { createHash, createHmac } from 'node:crypto'
import { canonicalJson, blindIndex, deriveKey, newDataKey, open, seal } from '@apotheca/kernel'

/**
 * Envelope encryption of personal data. Each account has its own data key (DEK); the DEK is sealed by
 * a key-encryption key (KEK) derived from the master key. Every sealed value is bound (AAD) to its
 * account and field, so a ciphertext copied into another row or column does not open.
 */
export interface PhiVault {
  /** The blind index of an e-mail (case and surrounding blanks ignored). */
  emailIndex(email: string): string
  /** A new DEK for an account, and its sealed (wrapped) form to store. */
  newAccountKey(accountId: string): { dek: Buffer; wrapped: string }
  /** Opens a stored DEK, wrapped under the current master key or (while rotating) the previous one. */
  unwrap(accountId: string, wrapped: string): Buffer
  /** The DEK wrapped again under the current master key (rotation). */
  rewrap(accountId: string, wrapped: string): string
  /** Names the current KEK (stored beside each wrapped DEK, so rotation finds what is left to re-wrap). */
  kekId: string
  sealJson(dek: Buffer, accountId: string, field: string, value: unknown): string
  openJson<T>(dek: Buffer, accountId: string, field: string, sealed: string): T
  /** A keyed fingerprint of a request, for idempotency records that must not hold the request itself. */
  fingerprint(value: unknown): string
}

/** The keys under the blind index and fingerprints: they must outlive a master key (see key-material.ts). */
export interface IndexKeys {
  email: Buffer
  fingerprint: Buffer
}

/** The index keys as first derived from a master key (before they were stored). */
export const derivedIndexKeys = (masterKey: Buffer): IndexKeys => ({
  email: deriveKey(masterKey, 'identity:email-index'),
  fingerprint: deriveKey(masterKey, 'identity:request-fingerprint'),
})

/** A short public name of a KEK: a hash of it, never the key. */
export const kekIdOf = (kek: Buffer) => createHash('sha256').update('identity:kek-id').update(kek).digest('hex').slice(0, 16)

/** The vault over the process's master key (and the previous one while rotating); each use gets its own derived key. */
export function createPhiVault(masterKey: Buffer, opts: { previous?: Buffer | undefined; indexKeys?: IndexKeys } = {}): PhiVault {
  const kek = deriveKey(masterKey, 'identity:dek-wrap')
  const previousKek = opts.previous ? deriveKey(opts.previous, 'identity:dek-wrap') : undefined
  const { email: emailKey, fingerprint: fingerprintKey } = opts.indexKeys ?? derivedIndexKeys(masterKey)
  const aad = (accountId: string, field: string) => `identity:${accountId}:${field}`
  const unwrap = (accountId: string, wrapped: string) => {
    try {
      return open(kek, wrapped, aad(accountId, 'dek'))
    } catch (err) {
      // GCM authentication fails for a DEK wrapped under the previous key: try that one, if rotating.
      if (!previousKek) throw err
      return open(previousKek, wrapped, aad(accountId, 'dek'))
    }
  }
  return {
    emailIndex: (email) => blindIndex(emailKey, email),
    newAccountKey(accountId) {
      const dek = newDataKey()
      return { dek, wrapped: seal(kek, dek, aad(accountId, 'dek')) }
    },
    unwrap,
    rewrap: (accountId, wrapped) => seal(kek, unwrap(accountId, wrapped), aad(accountId, 'dek')),
    kekId: kekIdOf(kek),
    sealJson: (dek, accountId, field, value) => seal(dek, JSON.stringify(value), aad(accountId, field)),
    openJson: (dek, accountId, field, sealed) => JSON.parse(open(dek, sealed, aad(accountId, field)).toString('utf8')),
    fingerprint: (value) => createHmac('sha256', fingerprintKey).update(canonicalJson(value)).digest('hex'),
  }
}
