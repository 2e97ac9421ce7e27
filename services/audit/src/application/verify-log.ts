import type { Sql } from '@apotheca/kernel'
import { GENESIS, verifyChain } from '../domain/chain.ts'
import { checkpointSignatureValid, keyring } from '../domain/checkpoint.ts'
import { pageFrom } from '../db/entry.repository.ts'
import { checkpointsBetween, signingKeys } from '../db/checkpoint.repository.ts'

const PAGE = 5000

/**
 * Re-computes the whole chain from its start and checks every checkpoint against it (its hash is
 * the entry's at that seq, its signature valid): valid, how many entries, the head hash.
 */
export async function verifyLog(db: Sql) {
  const keys = keyring(await signingKeys(db))
  let prev = GENESIS
  let after = 0
  let entries = 0
  let checkpoints = 0
  let lastCheckpoint: number | null = null
  const broken = (seq: number, counted: number, reason: string) => ({
    valid: false,
    entries: counted,
    broken_at_seq: seq,
    reason,
    head_hash: prev,
    checkpoints,
    last_checkpoint_seq: lastCheckpoint,
  })
  for (;;) {
    const page = await pageFrom(db, after, PAGE)
    if (page.length === 0) break
    const r = verifyChain(page, prev)
    if (!r.valid) {
      prev = r.head
      return broken(r.broken_at!, entries + page.findIndex((e) => e.seq === r.broken_at), 'an entry does not match its hash or link')
    }
    const hashes = new Map(page.map((e) => [e.seq, e.hash]))
    for (const c of await checkpointsBetween(db, page[0]!.seq, page[page.length - 1]!.seq)) {
      if (hashes.get(c.seq) !== c.hash)
        return broken(c.seq, entries + page.findIndex((e) => e.seq === c.seq), 'a checkpoint signs another hash than the entry has')
      if (!checkpointSignatureValid(c, keys))
        return broken(c.seq, entries + page.findIndex((e) => e.seq === c.seq), 'a checkpoint signature is not valid')
      checkpoints++
      lastCheckpoint = c.seq
    }
    prev = r.head
    entries += page.length
    after = page[page.length - 1]!.seq
  }
  return {
    valid: true,
    entries,
    broken_at_seq: null,
    head_hash: prev,
    checkpoints,
    last_checkpoint_seq: lastCheckpoint,
    verified_at: new Date().toISOString(),
  }
}
