import type { Sql } from '@apotheca/kernel'
import { entriesBetween, headSeq } from '../db/entry.repository.ts'
import { checkpointsBetween, signingKeys } from '../db/checkpoint.repository.ts'

/** The export format's name, in its first line. */
export const EXPORT_FORMAT = 'apotheca.audit.export.v1'

/**
 * A page of the log as JSON Lines: a header (range, the signing keys, where the next page starts),
 * then the entries in seq order, each checkpoint right after the entry it signs. One page holds at
 * most `limit` entries; the header's next_from_seq says where to continue (null at the end).
 */
export async function exportLog(
  db: Sql,
  q: { from_seq: number; to_seq?: number | undefined; limit: number },
): Promise<{ body: string; from: number; to: number | null; entries: number }> {
  const head = await headSeq(db)
  const wanted = Math.min(q.to_seq ?? head, head)
  const to = Math.min(wanted, q.from_seq + q.limit - 1)
  const entries = to >= q.from_seq ? await entriesBetween(db, q.from_seq, to) : []
  const last = entries.length ? entries[entries.length - 1]!.seq : null
  const checkpoints = last === null ? [] : await checkpointsBetween(db, q.from_seq, last)
  const header = {
    type: 'header',
    format: EXPORT_FORMAT,
    from_seq: q.from_seq,
    to_seq: last,
    entries: entries.length,
    checkpoints: checkpoints.length,
    head_seq: head,
    next_from_seq: last !== null && last < wanted ? last + 1 : null,
    keys: await signingKeys(db),
    exported_at: new Date().toISOString(),
  }
  const lines = [JSON.stringify(header)]
  let c = 0
  for (const e of entries) {
    lines.push(JSON.stringify({ type: 'entry', ...e }))
    while (checkpoints[c] && checkpoints[c]!.seq === e.seq) lines.push(JSON.stringify({ type: 'checkpoint', ...checkpoints[c++] }))
  }
  return { body: lines.join('\n') + '\n', from: q.from_seq, to: last, entries: entries.length }
}
