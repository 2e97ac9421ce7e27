import type { Sql } from '@apotheca/kernel'
import { GENESIS, verifyChain } from '../domain/chain.ts'
import { pageFrom } from '../db/entry.repository.ts'

const PAGE = 5000

/** Re-computes the whole chain from its start: valid, how many entries, the head hash. */
export async function verifyLog(db: Sql) {
  let prev = GENESIS
  let after = 0
  let entries = 0
  for (;;) {
    const page = await pageFrom(db, after, PAGE)
    if (page.length === 0) break
    const r = verifyChain(page, prev)
    if (!r.valid) return { valid: false, entries: entries + page.findIndex((e) => e.seq === r.broken_at), broken_at_seq: r.broken_at, head_hash: r.head }
    prev = r.head
    entries += page.length
    after = page[page.length - 1]!.seq
  }
  return { valid: true, entries, broken_at_seq: null, head_hash: prev, verified_at: new Date().toISOString() }
}
