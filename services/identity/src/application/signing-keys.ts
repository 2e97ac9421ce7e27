import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose'
import { deriveKey, open, seal, type Database, type Publish } from '@apotheca/kernel'
import {
  activeSigningKeys,
  insertSigningKey,
  lockSigningKeys,
  resealSigningKey,
  retireSigningKeys,
  type SigningKeyRow,
} from '../db/signing-key.repository.ts'
import { KEY_POLICY, planRotation } from '../domain/key-rotation.ts'

/** The key that signs tokens now, and the public keys that verify them (the JWKS). */
export interface SigningKeys {
  kid: string
  privateKey: CryptoKey
  publicKey: CryptoKey
  jwks: JWK[]
}

const ALG = 'EdDSA'

/**
 * Loads the signing keys from identity.signing_keys, creating the first Ed25519 pair if there is none.
 * Replicas starting together serialise on a lock, so they all end up with the same key. The key that
 * signs is the latest one already active at `now`; every published key (a successor waiting to sign,
 * a predecessor whose tokens may still be alive) is in the JWKS.
 */
export async function loadSigningKeys(db: Database, masterKey: Buffer, previousMasterKey?: Buffer, now = new Date()): Promise<SigningKeys> {
  const wrap = deriveKey(masterKey, 'identity:signing-keys')
  let rows = await activeSigningKeys(db)
  if (rows.length === 0) {
    const fresh = await newKeyRow(wrap, now)
    rows = await db.transaction(async (tx) => {
      await lockSigningKeys(tx)
      const existing = await activeSigningKeys(tx)
      if (existing.length) return existing
      await insertSigningKey(tx, fresh)
      return [fresh]
    })
  }
  const current = rows.find((r) => Date.parse(r.activates_at) <= now.getTime()) ?? rows[rows.length - 1]!
  const aad = `identity.signing_keys:${current.kid}`
  let sealed: Buffer
  try {
    sealed = open(wrap, current.private_jwk_sealed, aad)
  } catch (err) {
    // Sealed under the master key being rotated away from: open with it and seal again under the new one.
    if (!previousMasterKey) throw err
    sealed = open(deriveKey(previousMasterKey, 'identity:signing-keys'), current.private_jwk_sealed, aad)
    await resealSigningKey(db, current.kid, seal(wrap, sealed, aad))
  }
  const privateJwk = JSON.parse(sealed.toString('utf8')) as JWK
  return {
    kid: current.kid,
    privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(current.public_jwk as JWK, ALG)) as CryptoKey,
    jwks: rows.map((r) => ({ ...(r.public_jwk as JWK), kid: r.kid, alg: r.alg, use: 'sig' })),
  }
}

/** Why a rotation runs: the schedule, an administrator's request, or a suspected compromise. */
export type RotationReason = 'scheduled' | 'requested' | 'compromised'

/**
 * Rotates the signing keys as planned by domain/key-rotation.ts (under the creation lock, so
 * replicas running the job together agree), and announces any change for the audit log.
 */
export async function rotateSigningKeys(
  deps: { db: Database; publish: Publish },
  masterKey: Buffer,
  reason: RotationReason,
  now = new Date(),
) {
  const wrap = deriveKey(masterKey, 'identity:signing-keys')
  return deps.db.transaction(async (tx) => {
    await lockSigningKeys(tx)
    const plan = planRotation(await activeSigningKeys(tx), now.getTime(), reason)
    const fresh =
      plan.create === 'none'
        ? null
        : await newKeyRow(wrap, new Date(now.getTime() + (plan.create === 'ahead' ? KEY_POLICY.publishAheadMs : 0)))
    if (fresh) await insertSigningKey(tx, fresh)
    await retireSigningKeys(tx, plan.retire)
    const result = { kid: fresh?.kid ?? null, activates_at: fresh?.activates_at ?? null, retired: plan.retire, reason }
    if (fresh || plan.retire.length) await deps.publish(tx, 'identity.signing_keys.rotated.v1', 'signing-keys', result)
    return result
  })
}

async function newKeyRow(wrap: Buffer, activatesAt: Date): Promise<SigningKeyRow> {
  const pair = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true })
  const publicJwk = await exportJWK(pair.publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  const privateJwk = await exportJWK(pair.privateKey)
  return {
    kid,
    alg: ALG,
    public_jwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x },
    private_jwk_sealed: seal(wrap, JSON.stringify(privateJwk), `identity.signing_keys:${kid}`),
    activates_at: activatesAt.toISOString(),
  }
}
