import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto'
import { canonicalJson } from '@apotheca/kernel'
import { entryHash, type ChainedFields } from './chain.ts'

/** Names what a checkpoint signature means, so the key's signature over anything else never passes for one. */
export const CHECKPOINT_TYPE = 'apotheca.audit.checkpoint.v1'

/** The chain head a checkpoint attests: its last seq, that entry's hash, when it was signed, by which key. */
export interface CheckpointHead {
  seq: number
  hash: string
  at: string
  key_id: string
}

/** A signed checkpoint: Ed25519 (base64url) over `checkpointDocument(head)` in canonical JSON. */
export interface Checkpoint extends CheckpointHead {
  signature: string
}

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface PublicJwk {
  kty: 'OKP'
  crv: 'Ed25519'
  x: string
  kid?: string
  alg?: string
  use?: string
}

export type ChainEntry = ChainedFields & { hash: string }

/** The object whose canonical JSON a checkpoint signature covers. */
export function checkpointDocument(c: CheckpointHead) {
  return { type: CHECKPOINT_TYPE, seq: c.seq, hash: c.hash, at: c.at, key_id: c.key_id }
}

/** RFC 7638 thumbprint of an Ed25519 JWK: base64url(SHA-256('{"crv":"Ed25519","kty":"OKP","x":"…"}')). */
export function jwkThumbprint(jwk: Pick<PublicJwk, 'x'>): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${jwk.x}"}`).digest('base64url')
}

/** A key id → public key lookup from published JWKs (a key whose kid is not its thumbprint is ignored). */
export function keyring(jwks: PublicJwk[]): Map<string, KeyObject> {
  const ring = new Map<string, KeyObject>()
  for (const jwk of jwks) {
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') continue
    const kid = jwkThumbprint(jwk)
    if (jwk.kid !== undefined && jwk.kid !== kid) continue
    ring.set(kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }))
  }
  return ring
}

/** Whether a checkpoint's signature is valid under the key it names. */
export function checkpointSignatureValid(c: Checkpoint, keys: Map<string, KeyObject>): boolean {
  const key = keys.get(c.key_id)
  if (!key || typeof c.signature !== 'string') return false
  try {
    return verify(null, Buffer.from(canonicalJson(checkpointDocument(c))), key, Buffer.from(c.signature, 'base64url'))
  } catch {
    return false
  }
}

/** A proof that an entry was in the log, unchanged, when a checkpoint was signed. */
export interface Proof {
  entry: ChainEntry
  /** The entries from `entry` to `checkpoint.seq`, in order, both included. */
  segment: ChainEntry[]
  checkpoint: Checkpoint
}

/**
 * Checks a proof as any party can: the segment starts at the entry, each hash is recomputed and
 * linked to the one before, and the last one is the hash the checkpoint signs, under a trusted key.
 */
export function verifyProof(
  p: Proof,
  keys: Map<string, KeyObject>,
): { valid: boolean; broken_at_seq: number | null; reason: string | null } {
  const fail = (seq: number | null, reason: string) => ({ valid: false, broken_at_seq: seq, reason })
  const first = p.segment[0]
  if (!first || first.seq !== p.entry.seq || canonicalJson(first) !== canonicalJson(p.entry))
    return fail(p.entry.seq, 'the segment does not start with the entry')
  let prev: ChainEntry | null = null
  for (const e of p.segment) {
    if (prev && (e.seq !== prev.seq + 1 || e.prev_hash !== prev.hash)) return fail(e.seq, 'not linked to the entry before it')
    if (entryHash(e) !== e.hash) return fail(e.seq, "the hash does not match the entry's contents")
    prev = e
  }
  if (prev!.seq !== p.checkpoint.seq || prev!.hash !== p.checkpoint.hash)
    return fail(p.checkpoint.seq, 'the segment does not end at the checkpoint')
  if (!checkpointSignatureValid(p.checkpoint, keys))
    return fail(p.checkpoint.seq, 'the checkpoint signature is not valid under a trusted key')
  return { valid: true, broken_at_seq: null, reason: null }
}
