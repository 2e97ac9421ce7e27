import { Problem, conflict, notFound, type Sql } from '@apotheca/kernel'
import { entriesBetween, entryByEventId, entryBySeq } from '../db/entry.repository.ts'
import { checkpointCovering, signingKeys } from '../db/checkpoint.repository.ts'

/** How a proof is checked, said in the answer itself for whoever receives it. */
const HOW_TO_VERIFY =
  'For each entry of segment in order: sha256 over the canonical JSON of {seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash} must equal hash, ' +
  'and prev_hash must equal the hash of the entry before it. The last hash must equal checkpoint.hash, and checkpoint.signature must be a valid Ed25519 signature, ' +
  'under the key whose JWK thumbprint is checkpoint.key_id, over the canonical JSON of {type: "apotheca.audit.checkpoint.v1", seq, hash, at, key_id}. ' +
  'npm run audit:verify -- proof.json --key key.json does all of this (docs/adr/0010-audit-checkpoints-proofs.md).'

/** A proof that an entry (by event id, seq, or both) was in the log, unchanged, at the first signed checkpoint at or after it. */
export async function getProof(db: Sql, by: { event_id?: string | undefined; seq?: number | undefined }) {
  if (by.event_id === undefined && by.seq === undefined) {
    throw new Problem(422, 'proof-entry-required', 'Name the entry to prove', 'give event_id, seq, or both')
  }
  const entry = by.event_id ? await entryByEventId(db, by.event_id) : await entryBySeq(db, by.seq!)
  // Named by both: the entry must have both.
  if (!entry || (by.seq !== undefined && entry.seq !== by.seq)) throw notFound('Audit entry')
  const checkpoint = await checkpointCovering(db, entry.seq)
  if (!checkpoint) {
    throw conflict(
      'not-yet-checkpointed',
      'This entry is not yet covered by a signed checkpoint',
      'checkpoints are signed every minute: ask again then (or an admin may POST /audit/checkpoints)',
      { seq: entry.seq, retry_after_seconds: 60 },
    )
  }
  const segment = await entriesBetween(db, entry.seq, checkpoint.seq)
  const key = (await signingKeys(db)).find((k) => k.kid === checkpoint.key_id) ?? null
  return { entry, segment, checkpoint: { ...checkpoint, algorithm: 'Ed25519' }, key, how_to_verify: HOW_TO_VERIFY }
}
