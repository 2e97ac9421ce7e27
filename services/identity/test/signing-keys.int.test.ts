import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { decodeProtectedHeader } from 'jose'
import { createPublisher, loadConfig, loadSecrets } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { DEMO_TOTP_SECRET } from '../src/domain/totp.ts'
import { KEY_POLICY } from '../src/domain/key-rotation.ts'
import { loadSigningKeys, rotateSigningKeys } from '../src/application/signing-keys.ts'
import { login } from './helpers.ts'

let rt: TestRuntime
let admin: string
before(async () => {
  rt = await startTestRuntime({ modules: [identity], env: { APOTHECA_DEMO: '1' } })
  admin = await login(rt, 'admin@demo.apotheca.test', 'Demo-Admin-2026!', DEMO_TOTP_SECRET)
})
after(async () => {
  await rt?.close()
})

const kids = async () => ((await rt.request('GET', '/.well-known/jwks.json')).json.keys as Array<{ kid: string }>).map((k) => k.kid).sort()
const signingKid = async () => decodeProtectedHeader(await login(rt, 'driver@demo.apotheca.test', 'Demo-Driver-2026!')).kid
const rotate = (body: unknown, token = admin) => rt.request('POST', '/auth/signing-keys/rotate', { token, body })

test('a requested rotation publishes the successor first: the old key signs until it activates', async () => {
  const [old] = await kids()
  assert.equal((await rotate({}, await rt.token('admin'))).status, 403, 'an admin needs the second factor')
  assert.equal((await rotate({}, await rt.token('pharmacist', { mfa: true }))).status, 403)
  const r = await rotate({})
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.deepEqual(r.json.retired, [])
  const ahead = Date.parse(r.json.activates_at) - Date.now()
  assert.ok(ahead > KEY_POLICY.publishAheadMs - 60_000 && ahead <= KEY_POLICY.publishAheadMs, `activates in ${ahead} ms`)
  assert.deepEqual(await kids(), [old, r.json.kid].sort(), 'both published')
  assert.equal(await signingKid(), old, 'the old key still signs')
  const again = await rotate({})
  assert.equal(again.json.kid, null, 'a successor already waits: nothing more is made')
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM identity.outbox WHERE type = 'identity.signing_keys.rotated.v1' ORDER BY seq`,
  )
  assert.deepEqual(
    rows.map((x) => x.payload.reason),
    ['requested'],
  )
})

test('on schedule, the successor signs once active and the predecessor is retired after its tokens expired', async () => {
  const config = loadConfig({ APOTHECA_DATA: rt.dataDir, LOG_LEVEL: 'silent' })
  const masterKey = loadSecrets(config).masterKey
  const deps = { db: rt.db, publish: createPublisher('identity', () => {}) }
  const keys = await rt.db.query<{ kid: string; activates_at: Date }>(
    `SELECT kid, activates_at FROM identity.signing_keys WHERE retired_at IS NULL ORDER BY activates_at`,
  )
  const [first, second] = keys.rows
  const t = (ms: number) => new Date(second!.activates_at.getTime() + ms)
  assert.equal((await loadSigningKeys(rt.db, masterKey, undefined, t(-1000))).kid, first!.kid)
  assert.equal((await loadSigningKeys(rt.db, masterKey, undefined, t(1000))).kid, second!.kid)
  assert.deepEqual(
    (await rotateSigningKeys(deps, masterKey, 'scheduled', t(60_000))).retired,
    [],
    'tokens of the first key may still be alive',
  )
  const later = await rotateSigningKeys(deps, masterKey, 'scheduled', t(KEY_POLICY.retireAfterMs))
  assert.deepEqual([later.kid, later.retired], [null, [first!.kid]])
  const published = (await loadSigningKeys(rt.db, masterKey, undefined, t(KEY_POLICY.retireAfterMs))).jwks.map((k) => k.kid)
  assert.deepEqual(published, [second!.kid], 'the retired key leaves the JWKS (each replica reads its keys again within a minute)')
  const due = await rotateSigningKeys(deps, masterKey, 'scheduled', t(KEY_POLICY.rotateAfterMs))
  assert.ok(due.kid, 'thirty days on, a successor is made')
})

test('compromised keys are replaced at once: the successor signs now and every other key leaves the JWKS', async () => {
  const { rows } = await rt.db.query<{ kid: string }>(`SELECT kid FROM identity.signing_keys WHERE retired_at IS NULL ORDER BY kid`)
  const r = await rotate({ compromised: true })
  assert.equal(r.status, 200)
  assert.deepEqual(
    r.json.retired.sort(),
    rows.map((x) => x.kid),
  )
  assert.deepEqual(await kids(), [r.json.kid])
  assert.equal(await signingKid(), r.json.kid)
  assert.equal((await rotate({ compromised: 'yes' })).status, 400)
})
