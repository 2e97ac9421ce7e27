import { test } from 'node:test'
import assert from 'node:assert/strict'
import { GENESIS, entryHash, verifyChain, type ChainedFields } from './chain.ts'

function chain(n: number) {
  const out: Array<ChainedFields & { hash: string }> = []
  let prev = GENESIS
  for (let i = 1; i <= n; i++) {
    const e = {
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
    const hash = entryHash(e)
    out.push({ ...e, hash })
    prev = hash
  }
  return out
}

test('an intact chain verifies', () => {
  assert.deepEqual(verifyChain(chain(5)).valid, true)
})

test('changing any entry breaks the chain at that entry', () => {
  const c = chain(5)
  c[2] = { ...c[2]!, details: { i: 99 } }
  assert.deepEqual(verifyChain(c), { valid: false, broken_at: 3, head: c[1]!.hash })
})

test('removing an entry breaks the link of the next one', () => {
  const c = chain(5)
  c.splice(1, 1)
  assert.equal(verifyChain(c).broken_at, 3)
})
