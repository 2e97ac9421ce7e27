import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { loadConfig } from '@apotheca/kernel'
import { startTestRuntime } from '@apotheca/kernel/testing'
import audit from '../src/module.ts'
import { exportLog } from '../src/application/export-log.ts'
import { archiveLog } from '../src/application/archive-log.ts'
import { openArchiveStore } from '../src/archive/open-archive-store.ts'
import { fileArchiveStore } from '../src/archive/file-archive.store.ts'
import { startS3Twin, TWIN_CREDENTIALS } from './s3-twin.ts'

const VERIFIER = new URL('../../../scripts/audit-verify.mjs', import.meta.url).pathname
const BUCKET = 'apotheca-audit'

const event = (orderId: string) =>
  ({
    id: randomUUID(),
    type: 'orders.order.placed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: orderId,
    version: 1,
    traceparent: null,
    payload: { order_id: orderId, patient_id: randomUUID(), items: [], total_amount: 100, currency: 'USD' },
  }) as any

/** Runs scripts/audit-verify.mjs on these objects (in order) with the pinned public keys. */
function verify(bodies: Buffer[], keys: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'audit-archive-verify-'))
  try {
    const files = bodies.map((b, i) => {
      const f = join(dir, `${i}.jsonl`)
      writeFileSync(f, b)
      return f
    })
    writeFileSync(join(dir, 'key.json'), JSON.stringify(keys))
    const r = spawnSync(process.execPath, [VERIFIER, ...files, '--key', join(dir, 'key.json')], { encoding: 'utf8' })
    return { code: r.status, out: r.stdout, err: r.stderr }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A runtime with the audit service, its archive job (as the runtime would run it), and helpers. */
async function setup(env: Record<string, string>) {
  const rt = await startTestRuntime({ modules: [audit], env })
  const auditor = await rt.token('auditor')
  const { master_key } = JSON.parse(readFileSync(join(rt.dataDir, 'secrets.json'), 'utf8'))
  const config = loadConfig({ APOTHECA_DATA: rt.dataDir, ...env })
  const parts = await audit.create({ db: rt.db, secrets: { masterKey: Buffer.from(master_key, 'base64') }, config, log: undefined } as any)
  const job = parts.jobs!.find((j) => j.name === 'audit.archive')!
  /** Records n events and signs a checkpoint over them: the new checkpoint's seq. */
  const checkpointed = async (n: number) => {
    const orderId = randomUUID()
    await rt.bus.publish(Array.from({ length: n }, () => event(orderId)))
    await rt.drain()
    assert.equal((await rt.request('POST', '/audit/checkpoints', { token: auditor })).status, 201)
    return (await rt.request('GET', '/audit/checkpoints?limit=1', { token: auditor })).json.checkpoints[0].seq as number
  }
  const ranges = async () => (await rt.request('GET', '/audit/archives?limit=1000', { token: auditor })).json.ranges as any[]
  const keys = (await rt.request('GET', '/audit/public-key')).json
  return { rt, auditor, job, checkpointed, ranges, keys }
}

describe('archive on S3-compatible object storage (s3rver twin)', () => {
  let twin: Awaited<ReturnType<typeof startS3Twin>>
  let ctx: Awaited<ReturnType<typeof setup>>
  let s3: S3Client
  const download = async (key: string) =>
    Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray())

  before(async () => {
    twin = await startS3Twin(BUCKET)
    ctx = await setup({
      APOTHECA_AUDIT_S3_URL: twin.endpoint,
      APOTHECA_AUDIT_S3_BUCKET: BUCKET,
      APOTHECA_AUDIT_S3_ACCESS_KEY_ID: TWIN_CREDENTIALS.accessKeyId,
      APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY: TWIN_CREDENTIALS.secretAccessKey,
    })
    s3 = new S3Client({ endpoint: twin.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: TWIN_CREDENTIALS })
  })
  after(async () => {
    await ctx?.rt.close()
    s3?.destroy()
    await twin?.close()
  })

  test('each checkpointed range becomes one object audit/<from>-<to>.jsonl that the standalone verifier accepts; a second run writes nothing', async () => {
    const c1 = await ctx.checkpointed(3)
    await ctx.job.run()
    let ranges = await ctx.ranges()
    assert.deepEqual(
      ranges.map((r) => [r.from_seq, r.to_seq, r.object_key, r.store]),
      [[1, c1, `audit/1-${c1}.jsonl`, `s3://${BUCKET}`]],
    )
    const first = await download(`audit/1-${c1}.jsonl`)
    assert.equal(createHash('sha256').update(first).digest('hex'), ranges[0].sha256)
    assert.equal(first.length, ranges[0].bytes)
    const ok = verify([first], ctx.keys)
    assert.equal(ok.code, 0, ok.err)
    assert.match(
      ok.out,
      new RegExp(
        `intact: export, ${c1} entries \\(seq 1\\.\\.${c1}\\), 1 checkpoints verified with the pinned key; signed up to seq ${c1}$`,
        'm',
      ),
    )

    const c2 = await ctx.checkpointed(2)
    const c3 = await ctx.checkpointed(1)
    await ctx.job.run()
    ranges = await ctx.ranges()
    assert.deepEqual(
      ranges.map((r) => [r.from_seq, r.to_seq]),
      [
        [1, c1],
        [c1 + 1, c2],
        [c2 + 1, c3],
      ],
    )
    const bodies = [first, await download(`audit/${c1 + 1}-${c2}.jsonl`), await download(`audit/${c2 + 1}-${c3}.jsonl`)]
    const all = verify(bodies, ctx.keys)
    assert.equal(all.code, 0, all.err)
    assert.match(all.out, new RegExp(`seq 1\\.\\.${c3}\\), 3 checkpoints verified with the pinned key; signed up to seq ${c3}$`, 'm'))
    assert.equal(verify([bodies[1]!], ctx.keys).code, 0, 'a middle object verifies on its own')

    const before = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `audit/1-${c1}.jsonl` }))
    await ctx.job.run()
    assert.equal((await ctx.ranges()).length, 3, 'nothing new to archive')
    const again = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `audit/1-${c1}.jsonl` }))
    assert.deepEqual([again.ETag, again.LastModified], [before.ETag, before.LastModified])
    assert.deepEqual(await download(`audit/1-${c1}.jsonl`), first)
  })

  test('an object already at the key with the same records (a run that stopped before recording it) is kept as it is', async () => {
    const from = (await ctx.ranges()).at(-1).to_seq + 1
    const c = await ctx.checkpointed(2)
    const page = (await exportLog(ctx.rt.db, { from_seq: from, to_seq: c, limit: c - from + 1 })).body
    const earlier = Buffer.from(page.replace(/"exported_at":"[^"]+"/, '"exported_at":"2026-01-01T00:00:00.000Z"'))
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `audit/${from}-${c}.jsonl`, Body: earlier }))
    await ctx.job.run()
    const range = (await ctx.ranges()).at(-1)
    assert.deepEqual([range.from_seq, range.to_seq, range.sha256], [from, c, createHash('sha256').update(earlier).digest('hex')])
    assert.deepEqual(await download(`audit/${from}-${c}.jsonl`), earlier)
  })

  test('an archived range is never rewritten: another object at the key stops the archive, and stays as it was', async () => {
    const from = (await ctx.ranges()).at(-1).to_seq + 1
    const c = await ctx.checkpointed(1)
    const foreign = Buffer.from('{"type":"header","format":"apotheca.audit.export.v1"}\n{"type":"entry","seq":1}\n')
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `audit/${from}-${c}.jsonl`, Body: foreign }))
    const store = openArchiveStore(
      loadConfig({
        APOTHECA_DATA: ctx.rt.dataDir,
        APOTHECA_AUDIT_S3_URL: twin.endpoint,
        APOTHECA_AUDIT_S3_BUCKET: BUCKET,
        APOTHECA_AUDIT_S3_ACCESS_KEY_ID: TWIN_CREDENTIALS.accessKeyId,
        APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY: TWIN_CREDENTIALS.secretAccessKey,
      }),
    )
    const r = await archiveLog(ctx.rt.db, store)
    assert.deepEqual([r.archived, r.broken_at_seq], [[], from])
    assert.match(r.reason!, /exists and holds other records; it is not replaced/)
    assert.deepEqual(await download(`audit/${from}-${c}.jsonl`), foreign)
    assert.equal((await ctx.ranges()).at(-1).to_seq, from - 1)
  })
})

describe('archive in the embedded default: read-only files under <data>/audit-archive/', () => {
  let ctx: Awaited<ReturnType<typeof setup>>
  before(async () => {
    ctx = await setup({})
  })
  after(async () => {
    await ctx?.rt.close()
  })

  test('files are written once, read-only, verify on their own, and are not written again', async () => {
    const c1 = await ctx.checkpointed(2)
    const c2 = await ctx.checkpointed(2)
    await ctx.job.run()
    const ranges = await ctx.ranges()
    assert.deepEqual(
      ranges.map((r) => [r.from_seq, r.to_seq]),
      [
        [1, c1],
        [c1 + 1, c2],
      ],
    )
    assert.match(ranges[0].store, /^file:\/\/.*\/audit-archive$/)
    const path = (r: any) => join(ctx.rt.dataDir, 'audit-archive', r.object_key)
    for (const r of ranges) {
      assert.equal(statSync(path(r)).mode & 0o777, 0o444)
      assert.equal(
        createHash('sha256')
          .update(readFileSync(path(r)))
          .digest('hex'),
        r.sha256,
      )
    }
    const ok = verify(
      ranges.map((r) => readFileSync(path(r))),
      ctx.keys,
    )
    assert.equal(ok.code, 0, ok.err)
    const mtime = statSync(path(ranges[0])).mtimeMs
    await ctx.job.run()
    assert.equal((await ctx.ranges()).length, 2)
    assert.equal(statSync(path(ranges[0])).mtimeMs, mtime)
    const before = readFileSync(path(ranges[0]))
    const store = fileArchiveStore(join(ctx.rt.dataDir, 'audit-archive'))
    const other = Buffer.from('other\n')
    assert.equal(
      await store.putNew(ranges[0].object_key, other, {
        sha256: createHash('sha256').update(other).digest(),
        md5: createHash('md5').update(other).digest(),
      }),
      'exists',
    )
    assert.deepEqual(readFileSync(path(ranges[0])), before)
    await assert.rejects(store.putNew('../escape.jsonl', other, { sha256: Buffer.alloc(32), md5: Buffer.alloc(16) }), /outside the archive/)
  })

  test('the archive refuses changes to what it recorded (append-only)', async () => {
    await assert.rejects(ctx.rt.db.query(`UPDATE audit.archived_ranges SET sha256 = 'x'`), /append-only/)
    await assert.rejects(ctx.rt.db.query(`DELETE FROM audit.archived_ranges`), /append-only/)
  })

  test('the archive list is for auditors and admins only', async () => {
    assert.equal((await ctx.rt.request('GET', '/audit/archives', { token: await ctx.rt.token('pharmacist', { mfa: true }) })).status, 403)
    assert.equal((await ctx.rt.request('GET', '/audit/archives')).status, 401)
    assert.equal((await ctx.rt.request('GET', '/audit/archives', { token: await ctx.rt.token('admin') })).status, 200)
  })
})
