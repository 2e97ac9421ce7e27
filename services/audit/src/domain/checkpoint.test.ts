import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { GENESIS, entryHash, type ChainedFields } from './chain.ts'
import { jwkThumbprint, keyring, verifyProof, type ChainEntry } from './checkpoint.ts'
import { checkpointKey } from '../application/checkpoint-key.ts'

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = []
  let prev = GENESIS
  for (let i = 1; i <= n; i++) {
    const e: ChainedFields = {
      seq: i,
      event_id: `e${i}`,
      event_type: 't',
      resource_id: 'r',
      resource_ids: ['r'],
      actor: null,
      occurred_at: '2026-01-01T00:00:00.000Z',
      details: { i },
      prev_hash: prev,
    }
    out.push({ ...e, hash: entryHash(e) })
    prev = out[out.length - 1]!.hash
  }
  return out
}

test('the key id is the RFC 7638 thumbprint (RFC 8037 appendix A.3 vector)', () => {
  assert.equal(jwkThumbprint({ x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }), 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k')
})

test('the checkpoint key is derived from the master key: same master, same key; another master, another key', () => {
  const master = randomBytes(32)
  assert.equal(checkpointKey(master).keyId, checkpointKey(Buffer.from(master)).keyId)
  assert.notEqual(checkpointKey(master).keyId, checkpointKey(randomBytes(32)).keyId)
  const k = checkpointKey(master)
  assert.deepEqual(
    { kty: k.publicJwk.kty, crv: k.publicJwk.crv, kid: k.publicJwk.kid },
    { kty: 'OKP', crv: 'Ed25519', kid: jwkThumbprint(k.publicJwk) },
  )
})

test('a proof verifies; a changed entry, a changed checkpoint or a foreign key does not', () => {
  const key = checkpointKey(randomBytes(32))
  const ring = keyring([key.publicJwk])
  const c = chain(6)
  const checkpoint = key.sign({ seq: 6, hash: c[5]!.hash, at: '2026-01-01T00:01:00.000Z' })
  const proof = { entry: c[2]!, segment: c.slice(2), checkpoint }
  assert.deepEqual(verifyProof(proof, ring), { valid: true, broken_at_seq: null, reason: null })

  const tampered = c.slice(2).map((e) => (e.seq === 4 ? { ...e, details: { i: 40 } } : e))
  assert.equal(verifyProof({ ...proof, segment: tampered }, ring).broken_at_seq, 4)
  assert.equal(verifyProof({ ...proof, checkpoint: { ...checkpoint, at: '2026-01-02T00:00:00.000Z' } }, ring).valid, false)
  assert.equal(verifyProof(proof, keyring([checkpointKey(randomBytes(32)).publicJwk])).valid, false)
  assert.equal(verifyProof({ ...proof, segment: c.slice(3) }, ring).valid, false)
})
