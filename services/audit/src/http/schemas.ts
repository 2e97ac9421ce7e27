import { z } from 'zod'

/**
 * Request and response schemas of the audit routes. Query integers are canonical decimal text
 * (`?limit=` or `?limit=0x10` is a 400, as the document says), read as numbers.
 */

/** A query-string integer from `min` to `max`: digits only, no sign, no leading zero, no blank. */
export const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^(?:0|[1-9][0-9]*)$/.test(v) ? Number(v) : v), z.int().min(min).max(max))

export const Seq = queryInt(1, Number.MAX_SAFE_INTEGER)

export const EventsQuery = z.object({
  resource_id: z
    .string()
    .min(1)
    .max(200)
    .meta({ description: 'An order, prescription, patient, shipment… id', examples: ['3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7'] }),
  limit: queryInt(1, 1000).default(200).meta({ description: 'At most this many entries, oldest first (default 200)' }),
})
export const ArchivesQuery = z.object({
  after_seq: queryInt(0, Number.MAX_SAFE_INTEGER)
    .optional()
    .meta({ description: 'Ranges that end after this seq (next_after_seq continues)' }),
  limit: queryInt(1, 1000).default(100).meta({ description: 'At most this many ranges (default 100)' }),
})
export const CheckpointsQuery = z.object({
  before_seq: Seq.optional().meta({ description: 'Checkpoints before this seq (next_before_seq continues)' }),
  limit: queryInt(1, 1000).default(100).meta({ description: 'At most this many checkpoints (default 100)' }),
})
/**
 * event_id or seq names the entry (both: the entry must have both, else 404). Neither is a 422
 * proof-entry-required: OpenAPI query parameters cannot say "one of these", so no schema can refuse it.
 */
export const ProofQuery = z.object({
  event_id: z.uuid().optional().meta({ description: 'The entry of this event (this, seq, or both)' }),
  seq: Seq.optional().meta({ description: 'The entry at this seq (this, event_id, or both)' }),
})
/** At most 10,000 entries a page: bounded memory per call; next_from_seq in the header continues. */
export const ExportQuery = z.object({
  from_seq: Seq.default(1).meta({ description: 'The first seq of the page (default 1)' }),
  to_seq: Seq.optional().meta({ description: 'The last seq wanted (default: the head); before from_seq, the page is empty' }),
  limit: queryInt(1, 10_000).default(5000).meta({ description: 'At most this many entries (default 5000)' }),
})

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)
const Time = z.iso.datetime()

/** An entry of the chain as the log holds it (details: the event's payload). */
export const Entry = z.strictObject({
  seq: z.int().min(1),
  event_id: z.uuid(),
  event_type: z.string(),
  resource_id: z.string(),
  resource_ids: z.array(z.string()),
  actor: z.string().nullable(),
  occurred_at: Time,
  details: z.record(z.string(), z.unknown()),
  prev_hash: Sha256Hex,
  hash: Sha256Hex,
  recorded_at: Time,
})
const ENTRY_EXAMPLE = {
  seq: 42,
  event_id: '9b2e4c1a-7d3f-4e5a-8b6c-0d1e2f3a4b5c',
  event_type: 'orders.order.placed.v1',
  resource_id: '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7',
  resource_ids: ['3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7'],
  actor: null,
  occurred_at: '2026-03-15T09:30:00.000Z',
  details: { order_id: '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7' },
  prev_hash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  recorded_at: '2026-03-15T09:30:00.120Z',
}
export const EventsAnswer = z.strictObject({ events: z.array(Entry) }).meta({ examples: [{ events: [ENTRY_EXAMPLE] }] })

/** The whole chain re-computed: intact, or where it breaks. */
export const VerifyAnswer = z.union([
  z.strictObject({
    valid: z.literal(true),
    entries: z.int().min(0),
    broken_at_seq: z.null(),
    head_hash: Sha256Hex,
    checkpoints: z.int().min(0),
    last_checkpoint_seq: z.int().nullable(),
    verified_at: Time,
  }),
  z.strictObject({
    valid: z.literal(false),
    entries: z.int().min(0),
    broken_at_seq: z.int(),
    reason: z.string(),
    head_hash: Sha256Hex,
    checkpoints: z.int().min(0),
    last_checkpoint_seq: z.int().nullable(),
  }),
])

/** A signed checkpoint of the chain head. */
export const Checkpoint = z.strictObject({
  seq: z.int().min(1),
  hash: Sha256Hex,
  at: Time,
  key_id: z.string(),
  signature: z.string().meta({ description: 'Ed25519, base64url, over the canonical JSON of {type, seq, hash, at, key_id}' }),
  algorithm: z.literal('Ed25519'),
})
export const CheckpointsAnswer = z.strictObject({ checkpoints: z.array(Checkpoint), next_before_seq: z.int().nullable() })
export const SignedAnswer = z.strictObject({ signed: z.array(Checkpoint), broken_at_seq: z.int().nullable() })

/** An Ed25519 public key (RFC 8037 JWK). */
export const PublicJwk = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string().optional(),
  alg: z.string().optional(),
  use: z.string().optional(),
})
export const PublicKeysAnswer = z.strictObject({ keys: z.array(PublicJwk) }).meta({
  examples: [
    { keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'kid-1', alg: 'EdDSA', use: 'sig' }] },
  ],
})

export const ProofAnswer = z.strictObject({
  entry: Entry,
  segment: z.array(Entry),
  checkpoint: Checkpoint,
  key: PublicJwk.nullable(),
  how_to_verify: z.string(),
})

/** The export, JSON Lines: a header line, then entries with each checkpoint after the entry it signs. */
export const ExportBody = z.string().meta({
  description:
    'JSON Lines: {"type":"header","format":"apotheca.audit.export.v1",from_seq,to_seq,entries,checkpoints,head_seq,next_from_seq,keys,exported_at}, then {"type":"entry",…} and {"type":"checkpoint",…} lines',
})

export const ArchivedRange = z.strictObject({
  from_seq: z.int().min(1),
  to_seq: z.int().min(1),
  checkpoint_hash: Sha256Hex,
  object_key: z.string(),
  store: z.string(),
  sha256: Sha256Hex,
  bytes: z.int().min(0),
  archived_at: Time,
})
export const ArchivesAnswer = z.strictObject({ ranges: z.array(ArchivedRange), next_after_seq: z.int().nullable() })
