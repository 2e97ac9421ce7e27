import { createHmac } from 'node:crypto'
import { canonicalJson, blindIndex, deriveKey, newDataKey, open, seal } from '@apotheca/kernel'

/**
 * Envelope encryption of personal data. Each account has its own data key (DEK); the DEK is sealed by
 * a key-encryption key derived from the master key. Every sealed value is bound (AAD) to its account
 * and field, so a ciphertext copied into another row or column does not open.
 */
export interface PhiVault {
  /** The blind index of an e-mail (case and surrounding blanks ignored). */
  emailIndex(email: string): string
  /** A new DEK for an account, and its sealed (wrapped) form to store. */
  newAccountKey(accountId: string): { dek: Buffer; wrapped: string }
  /** Opens a stored DEK. */
  unwrap(accountId: string, wrapped: string): Buffer
  sealJson(dek: Buffer, accountId: string, field: string, value: unknown): string
  openJson<T>(dek: Buffer, accountId: string, field: string, sealed: string): T
  /** A keyed fingerprint of a request, for idempotency records that must not hold the request itself. */
  fingerprint(value: unknown): string
}

/** The vault over the process's master key; each use gets its own derived key. */
export function createPhiVault(masterKey: Buffer): PhiVault {
  const kek = deriveKey(masterKey, 'identity:dek-wrap')
  const emailKey = deriveKey(masterKey, 'identity:email-index')
  const fingerprintKey = deriveKey(masterKey, 'identity:request-fingerprint')
  const aad = (accountId: string, field: string) => `identity:${accountId}:${field}`
  return {
    emailIndex: (email) => blindIndex(emailKey, email),
    newAccountKey(accountId) {
      const dek = newDataKey()
      return { dek, wrapped: seal(kek, dek, aad(accountId, 'dek')) }
    },
    unwrap: (accountId, wrapped) => open(kek, wrapped, aad(accountId, 'dek')),
    sealJson: (dek, accountId, field, value) => seal(dek, JSON.stringify(value), aad(accountId, field)),
    openJson: (dek, accountId, field, sealed) => JSON.parse(open(dek, sealed, aad(accountId, field)).toString('utf8')),
    fingerprint: (value) => createHmac('sha256', fingerprintKey).update(canonicalJson(value)).digest('hex'),
  }
}
