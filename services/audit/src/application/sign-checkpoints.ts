import type { Database, Logger } from '@apotheca/kernel'
import { GENESIS, verifyChain } from '../domain/chain.ts'
import type { Checkpoint } from '../domain/checkpoint.ts'
import { pageFrom } from '../db/entry.repository.ts'
import { insertCheckpoint, latestCheckpoint, tryLockSigner } from '../db/checkpoint.repository.ts'
import type { CheckpointKey } from './checkpoint-key.ts'

/** Checkpoints are at most this many entries apart, which bounds the length of a proof. */
export const CHECKPOINT_SPAN = 1000
/** Pages signed per run, so a long backlog (a log from before checkpoints) is caught up over a few runs. */
const MAX_PAGES_PER_RUN = 50

export interface SignResult {
  signed: Checkpoint[]
  /** Set when the entries since the last checkpoint do not verify: nothing past them is signed. */
  broken_at_seq: number | null
}

/**
 * Signs checkpoints over the entries added since the last one, at most CHECKPOINT_SPAN entries
 * apart and ending at the head; does nothing when no entry was added. The new entries are
 * verified against the last checkpoint first, so a checkpoint never vouches for a broken chain.
 * One signer at a time across replicas (advisory lock); a busy lock means another is at it.
 */
export async function signCheckpoints(db: Database, key: CheckpointKey, log?: Logger): Promise<SignResult> {
  const signed: Checkpoint[] = []
  for (let i = 0; i < MAX_PAGES_PER_RUN; i++) {
    const step = await db.transaction(async (tx) => {
      const idle = { more: false, broken: null, signed: null }
      if (!(await tryLockSigner(tx))) return idle
      const last = await latestCheckpoint(tx)
      const page = await pageFrom(tx, last?.seq ?? 0, CHECKPOINT_SPAN)
      if (page.length === 0) return idle
      const v = verifyChain(page, last?.hash ?? GENESIS)
      if (!v.valid) return { ...idle, broken: v.broken_at }
      const head = page[page.length - 1]!
      const c = key.sign({ seq: head.seq, hash: head.hash, at: new Date().toISOString() })
      return { more: page.length === CHECKPOINT_SPAN, broken: null, signed: (await insertCheckpoint(tx, c)) ? c : null }
    })
    if (step.signed) signed.push(step.signed)
    if (step.broken !== null) {
      log?.error({ broken_at_seq: step.broken }, 'audit chain does not verify since the last checkpoint: not signing')
      return { signed, broken_at_seq: step.broken }
    }
    if (!step.more) break
  }
  if (signed.length) log?.info({ checkpoints: signed.length, head_seq: signed[signed.length - 1]!.seq }, 'audit checkpoints signed')
  return { signed, broken_at_seq: null }
}
