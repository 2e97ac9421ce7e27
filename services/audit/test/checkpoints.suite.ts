import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import audit from '../src/module.ts'
import { keyring, verifyProof } from '../src/domain/checkpoint.ts'
import { entryHash } from '../src/domain/chain.ts'

const VERIFIER = new URL('../../../scripts/audit-verify.mjs', import.meta.url).pathname

const event = (orderId: string, type = 'orders.order.placed.v1') =>
  ({
    id: randomUUID(),
    type,
    occurred_at: new Date().toISOString(),
    aggregate_id: orderId,
    version: 1,
    traceparent: null,
    payload: {
      order_id: orderId,
      patient_id: randomUUID(),
      items: [],
      total_amount: 100,
      currency: 'USD',
      note: 'ünïcödé "quoted" \n line',
    },
  }) as any

/** Runs the standalone verifier on files written to a temp folder; its exit code and output. */
function runVerifier(files: Record<string, string>, args: (dir: string) => string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'))
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    const r = spawnSync(process.execPath, [VERIFIER, ...args(dir)], { encoding: 'utf8' })
    return { code: r.status, out: r.stdout, err: r.stderr }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Signed checkpoints, proofs, export and the standalone verifier, on one backend. The tampering
 * tests disable the append-only trigger, so they run on PGlite only (a private copy of the
 * database); on the shared PostgreSQL they would break every later run's chain.
 */
export function checkpointSuite(backend: 'pglite' | 'postgres') {
  let rt: TestRuntime
  let auditor: string
  let publicKeys: any
  before(async () => {
    rt = await startTestRuntime({ modules: [audit], backend })
    auditor = await rt.token('auditor')
    publicKeys = (await rt.request('GET', '/audit/public-key')).json
  })
  after(async () => {
    await rt?.close()
  })

  /** The export's raw text (JSON Lines). */
  const exportText = async (query: string) =>
    (await rt.app.inject({ method: 'GET', url: `/audit/export?${query}`, headers: { authorization: `Bearer ${auditor}` } })).body

  const record = async (n: number) => {
    const orderId = randomUUID()
    const events = Array.from({ length: n }, (_, i) => event(orderId, i ? 'orders.order.status_changed.v1' : 'orders.order.placed.v1'))
    await rt.bus.publish(events)
    const r = await rt.request('GET', `/audit/events?resource_id=${orderId}`, { token: auditor })
    assert.equal(r.json.events.length, n)
    // That read is itself recorded (audit.log.read.v1) through the outbox: let it land before going on.
    await rt.drain()
    return r.json.events as any[]
  }

  test('the public key is published to anyone as a JWK Set whose kid is the JWK thumbprint', async () => {
    const r = await rt.request('GET', '/audit/public-key')
    assert.equal(r.status, 200)
    const [key] = r.json.keys
    assert.deepEqual({ kty: key.kty, crv: key.crv, alg: key.alg, use: key.use }, { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
    assert.equal(keyring(r.json.keys).has(key.kid), true)
  })

  test('a checkpoint signs the head when entries were added, and only then; the list shows it', async () => {
    const entries = await record(2)
    const first = await rt.request('POST', '/audit/checkpoints', { token: auditor })
    // On the shared PostgreSQL another runtime's minute job may have signed first (200, nothing new).
    assert.equal(first.status, backend === 'pglite' ? 201 : first.json.signed.length ? 201 : 200, JSON.stringify(first.json))
    const signed = (await rt.request('GET', '/audit/checkpoints?limit=1', { token: auditor })).json.checkpoints[0]
    assert.ok(signed.seq >= entries[1].seq)
    if (backend === 'pglite') {
      assert.deepEqual(first.json.signed.at(-1), signed)
      assert.equal(signed.key_id, publicKeys.keys[0].kid)
      const again = await rt.request('POST', '/audit/checkpoints', { token: auditor })
      assert.equal(again.status, 200)
      assert.deepEqual(again.json.signed, [])
    }
    const list = await rt.request('GET', '/audit/checkpoints?limit=1000', { token: auditor })
    assert.equal(list.status, 200)
    const listed = list.json.checkpoints.find((c: any) => c.seq === signed.seq)
    assert.deepEqual(listed, signed)
    assert.ok(
      list.json.checkpoints.every((c: any, i: number, all: any[]) => i === 0 || all[i - 1].seq > c.seq),
      'newest first',
    )
    const v = await rt.request('GET', '/audit/verify', { token: auditor })
    assert.equal(v.json.valid, true, JSON.stringify(v.json))
    assert.ok(v.json.checkpoints >= 1)
  })

  test('an entry after the newest checkpoint has no proof yet (409); after a checkpoint its proof verifies, here and in the standalone verifier', async () => {
    const [entry] = await record(3)
    const early = await rt.request('GET', `/audit/proof?event_id=${entry.event_id}`, { token: auditor })
    if (backend === 'pglite') {
      assert.equal(early.status, 409)
      assert.match(early.json.type, /not-yet-checkpointed$/)
    }
    assert.equal((await rt.request('POST', '/audit/checkpoints', { token: auditor })).status < 300, true)
    const proof = await rt.request('GET', `/audit/proof?event_id=${entry.event_id}`, { token: auditor })
    assert.equal(proof.status, 200, JSON.stringify(proof.json))
    assert.equal(proof.json.entry.seq, entry.seq)
    assert.equal(proof.json.segment[0].event_id, entry.event_id)
    assert.deepEqual(verifyProof(proof.json, keyring(publicKeys.keys)), { valid: true, broken_at_seq: null, reason: null })
    const bySeq = await rt.request('GET', `/audit/proof?seq=${entry.seq}`, { token: auditor })
    assert.deepEqual(bySeq.json.checkpoint, proof.json.checkpoint)
    const byBoth = await rt.request('GET', `/audit/proof?event_id=${entry.event_id}&seq=${entry.seq}`, { token: auditor })
    assert.deepEqual(byBoth.json, proof.json, 'event_id and seq of the same entry')
    const mismatch = await rt.request('GET', `/audit/proof?event_id=${entry.event_id}&seq=${entry.seq + 1}`, { token: auditor })
    assert.equal(mismatch.status, 404, 'no entry has that event id at that seq')

    const ok = runVerifier({ 'proof.json': JSON.stringify(proof.json, null, 2), 'key.json': JSON.stringify(publicKeys) }, (d) => [
      join(d, 'proof.json'),
      '--key',
      join(d, 'key.json'),
    ])
    assert.equal(ok.code, 0, ok.err)
    assert.match(ok.out, /intact: proof/)
    const forged = structuredClone(proof.json)
    forged.segment[0].details.total_amount = 1
    forged.entry = forged.segment[0]
    const bad = runVerifier({ 'proof.json': JSON.stringify(forged), 'key.json': JSON.stringify(publicKeys) }, (d) => [
      join(d, 'proof.json'),
      '--key',
      join(d, 'key.json'),
    ])
    assert.equal(bad.code, 1)
    assert.match(bad.err, new RegExp(`BROKEN at seq ${entry.seq}:`))
  })

  test('an export verifies in the standalone verifier; a changed line fails it at that seq; a foreign pinned key fails the checkpoints', async () => {
    const entries = await record(3)
    await rt.request('POST', '/audit/checkpoints', { token: auditor })
    const from = entries[0].seq
    // Up to the newest checkpoint, which on the shared PostgreSQL may lie past others' entries.
    const to = (await rt.request('GET', '/audit/checkpoints?limit=1', { token: auditor })).json.checkpoints[0].seq
    const r = await rt.request('GET', `/audit/export?from_seq=${from}&to_seq=${to}`, { token: auditor })
    assert.equal(r.status, 200)
    assert.match(String(r.headers['content-type']), /application\/x-ndjson/)
    const text = await exportText(`from_seq=${from}&to_seq=${to}`)
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    assert.equal(lines[0].type, 'header')
    // Contiguous seqs from `from`; other writers (the records of reads, other runtimes on PostgreSQL) may sit between ours.
    const seqs = lines.filter((l) => l.type === 'entry').map((l) => l.seq)
    assert.deepEqual(
      seqs,
      Array.from({ length: to - from + 1 }, (_, i) => from + i),
    )
    const second = entries[1].seq
    assert.ok(seqs.includes(second))
    assert.equal(lines.filter((l) => l.type === 'entry').at(-1).seq, to)
    assert.ok(
      lines.some((l) => l.type === 'checkpoint'),
      'the export holds the checkpoints in its range',
    )

    const good = runVerifier({ 'a.jsonl': text, 'key.json': JSON.stringify(publicKeys) }, (d) => [
      join(d, 'a.jsonl'),
      '--key',
      join(d, 'key.json'),
    ])
    assert.equal(good.code, 0, good.err)
    assert.match(
      good.out,
      new RegExp(
        `intact: export, ${to - from + 1} entries \\(seq ${from}\\.\\.${to}\\), \\d+ checkpoints verified with the pinned key; signed up to seq ${to}`,
      ),
    )

    const tampered = text
      .split('\n')
      .map((l) =>
        l.includes(`"seq":${second},`) && l.includes('"type":"entry"') ? l.replace('"total_amount":100', '"total_amount":1') : l,
      )
      .join('\n')
    assert.notEqual(tampered, text)
    const bad = runVerifier({ 'a.jsonl': tampered }, (d) => [join(d, 'a.jsonl')])
    assert.equal(bad.code, 1)
    assert.match(bad.err, new RegExp(`BROKEN at seq ${second}:`))

    const dropped = text
      .split('\n')
      .filter((l) => !(l.includes(`"seq":${second},`) && l.includes('"type":"entry"')))
      .join('\n')
    assert.match(runVerifier({ 'a.jsonl': dropped }, (d) => [join(d, 'a.jsonl')]).err, new RegExp(`BROKEN at seq ${second}: missing`))

    const foreign = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }] }
    const unknown = runVerifier({ 'a.jsonl': text, 'key.json': JSON.stringify(foreign) }, (d) => [
      join(d, 'a.jsonl'),
      '--key',
      join(d, 'key.json'),
    ])
    assert.equal(unknown.code, 1)
    assert.match(unknown.err, /signed by an unknown key/)
  })

  test('export pages are bounded and say where the next one starts; a range that ends before it starts is empty; bad values are 400s', async () => {
    await record(3)
    const text = await exportText('from_seq=1&limit=2')
    const header = JSON.parse(text.split('\n')[0]!)
    assert.equal(header.entries, 2)
    assert.equal(header.next_from_seq, 3)
    const backwards = await rt.app.inject({
      method: 'GET',
      url: '/audit/export?from_seq=5&to_seq=4',
      headers: { authorization: `Bearer ${auditor}` },
    })
    assert.equal(backwards.statusCode, 200)
    const empty = backwards.body.trim().split('\n')
    assert.equal(empty.length, 1, 'the header alone')
    assert.deepEqual((({ entries, to_seq, next_from_seq }) => ({ entries, to_seq, next_from_seq }))(JSON.parse(empty[0]!)), {
      entries: 0,
      to_seq: null,
      next_from_seq: null,
    })
    for (const q of ['limit=', 'limit=0x10', 'from_seq=-1', 'from_seq=01', 'from_seq=1.5', 'to_seq=%201'])
      assert.equal((await rt.request('GET', `/audit/export?${q}`, { token: auditor })).status, 400, q)
    assert.equal((await rt.request('GET', '/audit/export?limit=100000', { token: auditor })).status, 400)
    // Neither event_id nor seq: a rule no query schema can state, so 422, not a 400 the document would not explain.
    const neither = await rt.request('GET', '/audit/proof', { token: auditor })
    assert.deepEqual([neither.status, neither.json.type], [422, 'https://apotheca.dev/problems/proof-entry-required'])
    assert.equal((await rt.request('GET', '/audit/proof?event_id=not-a-uuid', { token: auditor })).status, 400)
    assert.equal((await rt.request('GET', `/audit/proof?event_id=${randomUUID()}`, { token: auditor })).status, 404)
    assert.equal((await rt.request('GET', '/audit/proof?seq=99999999999999999999', { token: auditor })).status, 400)
  })

  test('auditors and admins may read checkpoints, proofs and exports; a pharmacist or a patient may not; anonymous must sign in', async () => {
    for (const url of ['/audit/checkpoints', '/audit/export', '/audit/proof?seq=1']) {
      assert.notEqual((await rt.request('GET', url, { token: await rt.token('admin') })).status, 403, url)
      assert.ok([200, 404, 409].includes((await rt.request('GET', url, { token: auditor })).status), url)
      for (const role of ['pharmacist', 'patient', 'technician'] as const)
        assert.equal((await rt.request('GET', url, { token: await rt.token(role, { mfa: true }) })).status, 403, `${url} ${role}`)
      assert.equal((await rt.request('GET', url)).status, 401, url)
    }
    assert.equal((await rt.request('POST', '/audit/checkpoints', { token: await rt.token('pharmacist', { mfa: true }) })).status, 403)
  })

  if (backend !== 'pglite') return

  test('the minute job signs the head with the same derived key, and only when entries were added', async () => {
    const { master_key } = JSON.parse(readFileSync(join(rt.dataDir, 'secrets.json'), 'utf8'))
    const parts = await audit.create({ db: rt.db, secrets: { masterKey: Buffer.from(master_key, 'base64') }, log: undefined } as any)
    const job = parts.jobs!.find((j) => j.name === 'audit.sign-checkpoints')!
    assert.equal(job.everyMs, 60_000)
    const [entry] = await record(1)
    await job.run()
    const [newest] = (await rt.request('GET', '/audit/checkpoints?limit=1', { token: auditor })).json.checkpoints
    const head = Number((await rt.db.query<any>(`SELECT max(seq) AS seq FROM audit.entries`)).rows[0].seq)
    assert.equal(newest.seq, head, 'the head, which is the entry or the record of reading it')
    assert.ok(newest.seq >= entry.seq)
    assert.equal(newest.key_id, publicKeys.keys[0].kid)
    await job.run()
    assert.equal((await rt.request('GET', '/audit/checkpoints?limit=1', { token: auditor })).json.checkpoints[0].at, newest.at)
  })

  test('a changed entry in the database: the proof, /audit/verify and the exported file all name its seq', async () => {
    const entries = await record(3)
    await rt.request('POST', '/audit/checkpoints', { token: auditor })
    const target = entries[1]
    await rt.db.exec(`ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only`)
    try {
      await rt.db.query(`UPDATE audit.entries SET details = jsonb_set(details, '{total_amount}', '1') WHERE seq = $1`, [target.seq])
    } finally {
      await rt.db.exec(`ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only`)
    }
    const proof = await rt.request('GET', `/audit/proof?event_id=${entries[0].event_id}`, { token: auditor })
    assert.equal(proof.status, 200)
    assert.deepEqual(verifyProof(proof.json, keyring(publicKeys.keys)).broken_at_seq, target.seq)

    const v = await rt.request('GET', '/audit/verify', { token: auditor })
    assert.equal(v.json.valid, false)
    assert.equal(v.json.broken_at_seq, target.seq)

    const text = await exportText('')
    const r = runVerifier({ 'all.jsonl': text, 'key.json': JSON.stringify(publicKeys) }, (d) => [
      join(d, 'all.jsonl'),
      '--key',
      join(d, 'key.json'),
    ])
    assert.equal(r.code, 1)
    assert.match(r.err, new RegExp(`BROKEN at seq ${target.seq}:`))
  })

  test('a rewritten chain (entry changed and every hash after it recomputed) fails at the checkpoint that signed the old head, and the signer refuses to go on', async () => {
    const entries = await record(2)
    const signed = (await rt.request('POST', '/audit/checkpoints', { token: auditor })).json.signed
    const checkpointSeq = signed.at(-1).seq
    await record(1)
    const all = (await rt.db.query<any>(`SELECT seq FROM audit.entries WHERE seq >= $1 ORDER BY seq`, [entries[0].seq])).rows.map((r) =>
      Number(r.seq),
    )
    await rt.db.exec(`ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only`)
    try {
      let prev: string | null = null
      for (const seq of all) {
        const e = JSON.parse((await exportText(`from_seq=${seq}&to_seq=${seq}`)).split('\n')[1]!)
        if (seq === entries[0].seq) e.details.total_amount = 1
        if (prev) e.prev_hash = prev
        prev = entryHash(e)
        await rt.db.query(`UPDATE audit.entries SET details = $2, prev_hash = $3, hash = $4 WHERE seq = $1`, [
          seq,
          JSON.stringify(e.details),
          e.prev_hash,
          prev,
        ])
      }
    } finally {
      await rt.db.exec(`ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only`)
    }
    const text = await exportText(`from_seq=${entries[0].seq}`)
    const r = runVerifier({ 'all.jsonl': text, 'key.json': JSON.stringify(publicKeys) }, (d) => [
      join(d, 'all.jsonl'),
      '--key',
      join(d, 'key.json'),
    ])
    assert.equal(r.code, 1)
    assert.match(r.err, new RegExp(`BROKEN at seq ${checkpointSeq}: the checkpoint signs another hash`))
    const sign = await rt.request('POST', '/audit/checkpoints', { token: auditor })
    assert.deepEqual(sign.json.signed, [], 'the signer refuses entries that do not link to the last checkpoint')
    assert.equal(sign.json.broken_at_seq, checkpointSeq + 1)
  })
}
