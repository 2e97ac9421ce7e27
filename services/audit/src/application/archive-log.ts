import { createHash } from 'node:crypto'
import type { Database, Logger, Sql } from '@apotheca/kernel'
import { GENESIS, verifyChain } from '../domain/chain.ts'
import { entriesBetween } from '../db/entry.repository.ts'
import { checkpointCovering } from '../db/checkpoint.repository.ts'
import { insertArchivedRange, lastArchived, tryLockArchiver, type ArchivedRange } from '../db/archive.repository.ts'
import type { ArchiveStore } from '../archive/archive-store.ts'
import { exportLog } from './export-log.ts'

/** Ranges archived per run at most, so a long backlog is caught up over a few runs. */
const MAX_RANGES_PER_RUN = 50

/** The object key of a range: `audit/<from_seq>-<to_seq>.jsonl`. */
export const archiveKey = (from: number, to: number) => `audit/${from}-${to}.jsonl`

export interface ArchiveResult {
  archived: ArchivedRange[]
  /** Set when a range does not verify, or its key holds another object: nothing from there on is archived. */
  broken_at_seq: number | null
  reason?: string
}

type Step = { range: Omit<ArchivedRange, 'archived_at'> } | { broken: number; reason: string } | null

/** The header (first line) carries when it was exported and the keys known then; the records after it are the chain's. */
const records = (body: Buffer) => body.subarray(body.indexOf(0x0a) + 1)

/**
 * Archives every checkpointed range not yet archived, oldest first: the entries after the last
 * archived range up to the next signed checkpoint, as one export page (the JSON Lines that
 * `npm run audit:verify` reads), written once to `audit/<from>-<to>.jsonl` and recorded in
 * `audit.archived_ranges`. A range is verified (hashes, links, the checkpoint's hash) before it
 * leaves. An object already at the key (a run that stopped between the upload and the record) is
 * kept when it holds the same records, and is never replaced.
 */
export async function archiveLog(db: Database, store: ArchiveStore, log?: Logger): Promise<ArchiveResult> {
  const archived: ArchivedRange[] = []
  for (let i = 0; i < MAX_RANGES_PER_RUN; i++) {
    const step: Step = await db.transaction(async (tx) => ((await tryLockArchiver(tx)) ? archiveNext(tx, store) : null))
    if (!step) break
    if ('broken' in step) {
      log?.error({ broken_at_seq: step.broken, reason: step.reason }, 'audit archive stopped: a range cannot be archived')
      return { archived, broken_at_seq: step.broken, reason: step.reason }
    }
    archived.push({ ...step.range, archived_at: new Date().toISOString() })
  }
  if (archived.length)
    log?.info({ ranges: archived.length, to_seq: archived[archived.length - 1]!.to_seq, store: store.location }, 'audit ranges archived')
  return { archived, broken_at_seq: null }
}

async function archiveNext(tx: Sql, store: ArchiveStore): Promise<Step> {
  const last = await lastArchived(tx)
  const from = (last?.to_seq ?? 0) + 1
  const checkpoint = await checkpointCovering(tx, from)
  if (!checkpoint) return null
  const entries = await entriesBetween(tx, from, checkpoint.seq)
  const v = verifyChain(entries, last?.checkpoint_hash ?? GENESIS)
  if (!v.valid) return { broken: v.broken_at!, reason: 'an entry does not match its hash or link' }
  if (entries.length !== checkpoint.seq - from + 1 || v.head !== checkpoint.hash)
    return { broken: checkpoint.seq, reason: 'the range does not end at its checkpoint' }

  const body = Buffer.from((await exportLog(tx, { from_seq: from, to_seq: checkpoint.seq, limit: entries.length })).body)
  const key = archiveKey(from, checkpoint.seq)
  const digest = (b: Buffer, alg: string) => createHash(alg).update(b).digest()
  let stored: Buffer = body
  if ((await store.putNew(key, body, { sha256: digest(body, 'sha256'), md5: digest(body, 'md5') })) === 'exists') {
    const existing = await store.get(key)
    if (!existing || !records(existing.body).equals(records(body)))
      return { broken: from, reason: `${store.location}/${key} exists and holds other records; it is not replaced` }
    stored = existing.body
  }
  const range = {
    from_seq: from,
    to_seq: checkpoint.seq,
    checkpoint_hash: checkpoint.hash,
    object_key: key,
    store: store.location,
    sha256: digest(stored, 'sha256').toString('hex'),
    bytes: stored.length,
  }
  await insertArchivedRange(tx, range)
  return { range }
}
