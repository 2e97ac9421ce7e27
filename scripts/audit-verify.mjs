#!/usr/bin/env node
// Verifies an Apotheca audit export or proof on its own: no platform code, only node:crypto, so a
// third party can run (or re-implement) it. The formats are in docs/adr/0010-audit-checkpoints-proofs.md.
//
//   node scripts/audit-verify.mjs <export.jsonl>… [--key <jwks-or-jwk.json>]   (npm run audit:verify -- …)
//   node scripts/audit-verify.mjs <proof.json> [--key <jwks-or-jwk.json>]
//
// Several export pages are read as one run, in the order given. Every entry's hash is recomputed,
// every link checked, every checkpoint's hash compared with the entry at its seq and its Ed25519
// signature checked. Without --key the keys inside the export are used (that proves consistency,
// not origin: pin the key you got from GET /audit/public-key with --key).
// Exit 0: intact. Exit 1: broken, naming the first broken seq. Exit 2: cannot read the input.
import { createHash, createPublicKey, verify } from 'node:crypto'
import { readFileSync } from 'node:fs'

const GENESIS = '0'.repeat(64)
const CHECKPOINT_TYPE = 'apotheca.audit.checkpoint.v1'
const EXPORT_FORMAT = 'apotheca.audit.export.v1'

/** Canonical JSON: object keys sorted by UTF-16 code units, undefined members dropped, no whitespace. */
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const members = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

const sha256Hex = (s) => createHash('sha256').update(s, 'utf8').digest('hex')

function entryHash(e) {
  const { seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash } = e
  return sha256Hex(canonicalJson({ seq, event_id, event_type, resource_id, resource_ids, actor, occurred_at, details, prev_hash }))
}

const thumbprint = (x) => createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url')

/** kid → public key, from JWKs whose kid (when given) is their RFC 7638 thumbprint. */
function keyring(jwks) {
  const ring = new Map()
  for (const k of jwks) {
    if (k?.kty !== 'OKP' || k.crv !== 'Ed25519' || typeof k.x !== 'string') continue
    const kid = thumbprint(k.x)
    if (k.kid !== undefined && k.kid !== kid) throw new Error(`key ${k.kid}: its kid is not its JWK thumbprint (${kid})`)
    ring.set(kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }))
  }
  return ring
}

function signatureValid(c, keys) {
  const key = keys.get(c.key_id)
  if (!key || typeof c.signature !== 'string') return false
  const doc = canonicalJson({ type: CHECKPOINT_TYPE, seq: c.seq, hash: c.hash, at: c.at, key_id: c.key_id })
  try {
    return verify(null, Buffer.from(doc, 'utf8'), key, Buffer.from(c.signature, 'base64url'))
  } catch {
    return false
  }
}

/**
 * Checks a run of records ({type: entry | checkpoint}) in order. Returns the summary, or throws
 * { seq, reason } at the first thing that does not hold.
 */
function verifyRecords(records, keys) {
  let prev = null
  const hashes = new Map()
  let entries = 0
  let checkpoints = 0
  let signedUpTo = null
  for (const r of records) {
    if (r.type === 'entry') {
      if (prev === null && r.seq === 1 && r.prev_hash !== GENESIS)
        throw { seq: r.seq, reason: 'the first entry does not start from the genesis hash' }
      if (prev !== null && r.seq !== prev.seq + 1) throw { seq: prev.seq + 1, reason: `missing: the next entry is seq ${r.seq}` }
      if (prev !== null && r.prev_hash !== prev.hash) throw { seq: r.seq, reason: 'prev_hash is not the hash of the entry before it' }
      if (entryHash(r) !== r.hash) throw { seq: r.seq, reason: "the hash does not match the entry's contents" }
      hashes.set(r.seq, r.hash)
      prev = r
      entries++
    } else if (r.type === 'checkpoint') {
      if (!hashes.has(r.seq)) throw { seq: r.seq, reason: 'a checkpoint for an entry that is not in the input' }
      if (hashes.get(r.seq) !== r.hash)
        throw { seq: r.seq, reason: 'the checkpoint signs another hash than the entry has (entries up to here were rewritten)' }
      if (!keys.has(r.key_id)) throw { seq: r.seq, reason: `the checkpoint is signed by an unknown key ${r.key_id}` }
      if (!signatureValid(r, keys)) throw { seq: r.seq, reason: 'the checkpoint signature is not valid' }
      checkpoints++
      signedUpTo = r.seq
    }
  }
  return {
    entries,
    first_seq: entries ? records.find((r) => r.type === 'entry').seq : null,
    last_seq: prev?.seq ?? null,
    checkpoints,
    signed_up_to_seq: signedUpTo,
  }
}

function readJsonFile(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** The records and the keys the input carries: export pages (JSON Lines) or one proof (JSON). */
function readInput(files) {
  const records = []
  const keys = []
  let kind = 'export'
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    let doc = null
    try {
      doc = JSON.parse(text)
    } catch {
      /* JSON Lines, read below */
    }
    if (Array.isArray(doc?.segment) && doc.checkpoint) {
      kind = 'proof'
      if (!doc.entry || doc.segment[0]?.seq !== doc.entry.seq || canonicalJson(doc.segment[0]) !== canonicalJson(doc.entry)) {
        throw Object.assign(new Error('the proof segment does not start with the entry'), { seq: doc.entry?.seq ?? null })
      }
      records.push(...doc.segment.map((e) => ({ ...e, type: 'entry' })), { ...doc.checkpoint, type: 'checkpoint' })
      if (doc.key) keys.push(doc.key)
      if (doc.checkpoint.seq !== doc.segment.at(-1)?.seq)
        throw Object.assign(new Error('the proof segment does not end at its checkpoint'), { seq: doc.checkpoint.seq })
      continue
    }
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue
      let r
      try {
        r = JSON.parse(line)
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`)
      }
      if (r.type === 'header') {
        if (r.format !== EXPORT_FORMAT) throw new Error(`${file}: unknown format ${r.format}`)
        keys.push(...(r.keys ?? []))
      } else records.push(r)
    }
  }
  return { kind, records, keys }
}

function main(argv) {
  const files = []
  let keyFile = null
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--key') keyFile = argv[++i]
    else if (argv[i] === '--help' || argv[i] === '-h') return usage(0)
    else files.push(argv[i])
  }
  if (!files.length || keyFile === undefined) return usage(2)
  let input, keys
  try {
    input = readInput(files)
    const pinned = keyFile ? readJsonFile(keyFile) : null
    keys = keyring(pinned ? (Array.isArray(pinned.keys) ? pinned.keys : [pinned]) : input.keys)
  } catch (err) {
    if (err?.seq !== undefined) return broken(err.seq, err.message)
    console.error(`audit-verify: cannot read the input: ${err.message}`)
    return 2
  }
  try {
    const s = verifyRecords(input.records, keys)
    const unsigned = s.last_seq === null ? 0 : s.last_seq - (s.signed_up_to_seq ?? s.first_seq - 1)
    console.log(
      `intact: ${input.kind}, ${s.entries} entries (seq ${s.first_seq ?? '-'}..${s.last_seq ?? '-'}), ${s.checkpoints} checkpoints verified` +
        ` with ${keyFile ? 'the pinned key' : 'the keys in the export (pin one with --key)'}; signed up to seq ${s.signed_up_to_seq ?? '-'}` +
        (unsigned > 0 ? `; ${unsigned} later entries are hash-linked but not yet under a checkpoint` : ''),
    )
    if (input.kind === 'proof' && s.checkpoints !== 1) return broken(s.last_seq, 'the proof carries no verified checkpoint')
    return 0
  } catch (err) {
    if (err?.seq === undefined) throw err
    return broken(err.seq, err.reason)
  }
}

function broken(seq, reason) {
  console.error(`BROKEN at seq ${seq}: ${reason}`)
  return 1
}

function usage(code) {
  console.error('usage: audit-verify <export.jsonl>… | <proof.json>  [--key <jwks-or-jwk.json>]')
  return code
}

process.exitCode = main(process.argv.slice(2))
