import { route } from '@apotheca/kernel'
import type { AuditDeps } from '../application/deps.ts'
import { listCheckpoints, signingKeys } from '../db/checkpoint.repository.ts'
import { signCheckpoints } from '../application/sign-checkpoints.ts'
import { getProof } from '../application/get-proof.ts'
import { exportLog } from '../application/export-log.ts'
import { recordLogRead } from '../application/record-log-read.ts'
import {
  CheckpointsAnswer,
  CheckpointsQuery,
  ExportBody,
  ExportQuery,
  ProofAnswer,
  ProofQuery,
  PublicKeysAnswer,
  SignedAnswer,
} from './schemas.ts'

const AUDITORS = { roles: ['admin' as const, 'auditor' as const] }

/**
 * Signed checkpoints, their public keys, inclusion proofs and the export (ADR 0010). Proofs and
 * exports disclose entries, so each one is recorded as an audit.log.read.v1 event; checkpoints and
 * keys hold only hashes and signatures, and are not.
 */
export function checkpointRoutes(deps: Pick<AuditDeps, 'db' | 'publish' | 'key'>) {
  const { db, key } = deps
  return [
    route({
      method: 'GET',
      url: '/audit/checkpoints',
      summary: 'Signed checkpoints of the chain head, newest first',
      auth: AUDITORS,
      schema: { querystring: CheckpointsQuery },
      responses: { 200: CheckpointsAnswer },
      handler: async ({ query }) => {
        const checkpoints = await listCheckpoints(db, query.before_seq ?? null, query.limit)
        return {
          checkpoints: checkpoints.map((c) => ({ ...c, algorithm: 'Ed25519' })),
          next_before_seq: checkpoints.length === query.limit ? checkpoints[checkpoints.length - 1]!.seq : null,
        }
      },
    }),
    route({
      method: 'POST',
      url: '/audit/checkpoints',
      summary: 'Signs a checkpoint of the chain head now (the job does it every minute); nothing new → nothing signed',
      auth: AUDITORS,
      responses: {
        200: { schema: SignedAnswer, description: 'Nothing new to sign (signed is empty), or the chain is broken (broken_at_seq)' },
        201: { schema: SignedAnswer, description: 'Signed one checkpoint or more' },
      },
      handler: async (_req, reply) => {
        const r = await signCheckpoints(db, key)
        void reply.status(r.signed.length ? 201 : 200)
        return { signed: r.signed.map((c) => ({ ...c, algorithm: 'Ed25519' })), broken_at_seq: r.broken_at_seq }
      },
    }),
    route({
      method: 'GET',
      url: '/audit/public-key',
      summary: 'The Ed25519 public keys (JWK Set) that sign audit checkpoints, the current one first',
      auth: { public: true, why: 'public keys, so that any party can check a checkpoint, a proof or an export without an account' },
      responses: { 200: PublicKeysAnswer },
      handler: async () => {
        const stored = await signingKeys(db)
        return { keys: [key.publicJwk, ...stored.filter((k) => k.kid !== key.keyId)] }
      },
    }),
    route({
      method: 'GET',
      url: '/audit/proof',
      summary: 'Proof that an entry is in the log unchanged: the chain segment from it to the first signed checkpoint after it',
      auth: AUDITORS,
      description:
        'Name the entry by event_id, by seq, or both (then the entry must have both, else 404); neither is a 422 proof-entry-required.',
      schema: { querystring: ProofQuery },
      responses: { 200: ProofAnswer },
      problems: { 404: ['not-found'], 409: ['not-yet-checkpointed'], 422: ['proof-entry-required'] },
      handler: async ({ query, principal }) => {
        const proof = await getProof(db, query)
        await recordLogRead(deps, principal!, {
          route: 'proof',
          resource_id: proof.entry.resource_id,
          event_id: proof.entry.event_id,
          from_seq: proof.entry.seq,
          to_seq: proof.checkpoint.seq,
          entries: proof.segment.length,
        })
        return proof
      },
    }),
    route({
      method: 'GET',
      url: '/audit/export',
      summary:
        'A page of the log as JSON Lines (header, entries, checkpoints) for archiving and independent verification (npm run audit:verify)',
      auth: AUDITORS,
      schema: { querystring: ExportQuery },
      responses: {
        200: {
          schema: ExportBody,
          contentType: 'application/x-ndjson',
          headers: { 'content-disposition': { description: 'attachment; filename="audit-<from>-<to>.jsonl"', required: true } },
        },
      },
      handler: async ({ query, principal }, reply) => {
        const page = await exportLog(db, query)
        await recordLogRead(deps, principal!, {
          route: 'export',
          resource_id: null,
          event_id: null,
          from_seq: page.from,
          to_seq: page.to,
          entries: page.entries,
        })
        void reply
          .type('application/x-ndjson')
          .header('content-disposition', `attachment; filename="audit-${page.from}-${page.to ?? 'empty'}.jsonl"`)
        return page.body
      },
    }),
  ]
}
