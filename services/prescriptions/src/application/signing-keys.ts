import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto'
import { deriveKey, open, seal, signCanonical, verifyCanonical, type Database } from '@apotheca/kernel'
import { activeSigningKey, findSigningKey, insertSigningKey, lockSigningKeys } from '../db/signing-key.repository.ts'

/** Signs verified prescriptions with the service's Ed25519 key, and checks signatures by key id. */
export interface Signer {
  keyId: string
  sign(value: unknown): string
  verify(keyId: string, value: unknown, signature: string): Promise<boolean>
}

const PURPOSE = 'prescriptions:signing-key'

/**
 * Loads the active signing key, creating one on first start. The private key is kept sealed
 * (AES-256-GCM, bound to its key id) under a key derived from the master key, never in clear.
 */
export async function loadSigner(db: Database, masterKey: Buffer): Promise<Signer> {
  const wrap = deriveKey(masterKey, PURPOSE)
  const row = await db.transaction(async (tx) => {
    await lockSigningKeys(tx)
    const found = await activeSigningKey(tx)
    if (found) return found
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const key_id = `rx-${randomUUID()}`
    const created = {
      key_id,
      algorithm: 'Ed25519',
      public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      private_key_sealed: seal(wrap, privateKey.export({ type: 'pkcs8', format: 'der' }), key_id),
    }
    await insertSigningKey(tx, created)
    return created
  })
  const privateKey = createPrivateKey({ key: open(wrap, row.private_key_sealed, row.key_id), format: 'der', type: 'pkcs8' })
  const publics = new Map<string, KeyObject>([[row.key_id, createPublicKey(row.public_key)]])
  return {
    keyId: row.key_id,
    sign: (value) => signCanonical(privateKey, value),
    async verify(keyId, value, signature) {
      let pub = publics.get(keyId)
      if (!pub) {
        const k = await findSigningKey(db, keyId)
        if (!k) return false
        pub = createPublicKey(k.public_key)
        publics.set(keyId, pub)
      }
      try {
        return verifyCanonical(pub, value, signature)
      } catch {
        return false
      }
    },
  }
}
