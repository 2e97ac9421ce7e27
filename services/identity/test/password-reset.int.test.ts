import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { decodeJwt } from 'jose'
import { PASSWORD_RESET_DELIVERY } from '@apotheca/contracts'
import { deriveKey, open } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { DEMO_TOTP_SECRET, totpCode } from '../src/domain/totp.ts'
import { RESET_ACCOUNT_LIMIT, RESET_IP_LIMIT } from '../src/application/throttle.ts'
import { RESET_ANSWER_FLOOR_MS } from '../src/application/request-password-reset.ts'
import { internalToken, login, masterKeyOf, outbox, registered } from './helpers.ts'

// identity's side of password reset: the e-mail itself is notifications' (its tests, and
// apps/server/test/password-reset-flow.int.test.ts for the whole flow with the real .eml).
let rt: TestRuntime
/** Every token and new password handed out here: none may ever reach a log line. */
const secrets: string[] = []
before(async () => {
  rt = await startTestRuntime({ modules: [identity], env: { APOTHECA_DEMO: '1' }, captureLogs: true })
})
after(async () => {
  await rt?.close()
})

const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`

/** A call from the given client address (each test its own, so throttle counts never mix). */
async function call(url: string, body: unknown, ip = randomIp()) {
  const started = Date.now()
  const r = await rt.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  })
  return { status: r.statusCode, json: r.body ? r.json() : undefined, headers: r.headers, ms: Date.now() - started }
}
const requestReset = (email: string, ip?: string) => call('/auth/password/reset', { email }, ip)
const confirm = (token: string, new_password: string) => call('/auth/password/reset/confirm', { token, new_password })

/** The token of the account's latest reset request, opened from its event as notifications opens it. */
async function latestToken(accountId: string): Promise<string> {
  const events = (await outbox(rt, accountId)).filter((e) => e.type === 'identity.password_reset.requested.v1')
  const p = events.at(-1)!.payload
  const token = open(
    deriveKey(masterKeyOf(rt), PASSWORD_RESET_DELIVERY.label),
    p.sealed_token,
    PASSWORD_RESET_DELIVERY.aad(p.reset_id, p.account_id),
  ).toString('utf8')
  secrets.push(token)
  return token
}
const newPassword = () => {
  const p = `Fresh-Reset-${randomUUID().slice(0, 8)}`
  secrets.push(p)
  return p
}

test('a patient resets by token: new password works, old one and old sessions do not, the event names the account only', async () => {
  const p = await registered(rt)
  const session = await rt.request('POST', '/auth/login', { body: { email: p.body.email, password: p.body.password } })
  const r = await requestReset(p.body.email)
  assert.equal(r.status, 202)
  const token = await latestToken(p.id)
  assert.match(token, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url')

  const password = newPassword()
  assert.equal((await confirm(token, password)).status, 204)
  assert.equal((await rt.request('POST', '/auth/login', { body: { email: p.body.email, password: p.body.password } })).status, 401)
  assert.ok(await login(rt, p.body.email, password))
  const refreshed = await rt.request('POST', '/auth/token/refresh', { body: { refresh_token: session.json.refresh_token } })
  assert.equal(refreshed.status, 401, 'the sessions from before the reset are over')

  const events = await outbox(rt, p.id)
  assert.deepEqual(
    events.filter((e) => e.type === 'identity.account.password_reset.v1').map((e) => e.payload),
    [{ account_id: p.id }],
  )
  const requested = events.find((e) => e.type === 'identity.password_reset.requested.v1')!
  assert.deepEqual(Object.keys(requested.payload).sort(), ['account_id', 'expires_at', 'reset_id', 'sealed_token'])
  const { rows } = await rt.db.query<{ type: string; text: string }>(`SELECT type, payload::text AS text FROM identity.outbox`)
  assert.ok(
    rows.every((e) => !e.text.includes(token) && !e.text.includes(p.body.email)),
    'no outbox payload holds the token or the address in the clear',
  )
  const stored = await rt.db.query<{ token_hash: string }>(`SELECT token_hash FROM identity.password_resets WHERE account_id = $1`, [p.id])
  assert.ok(stored.rows.length === 1 && /^[0-9a-f]{64}$/.test(stored.rows[0]!.token_hash), 'only the SHA-256 is stored')
})

test('an unknown e-mail gets the same 202, in about the same time, and nothing is stored or published', async () => {
  const p = await registered(rt)
  const before = (await rt.db.query(`SELECT count(*)::int AS n FROM identity.outbox`)).rows[0]!.n
  const unknown = await requestReset(`nobody.${randomUUID()}@example.test`)
  const after = (await rt.db.query(`SELECT count(*)::int AS n FROM identity.outbox`)).rows[0]!.n
  const known = await requestReset(p.body.email)
  assert.equal(unknown.status, 202)
  assert.deepEqual(unknown.json, known.json)
  assert.equal(after, before, 'no event for an unknown e-mail')
  for (const r of [known, unknown])
    assert.ok(r.ms >= RESET_ANSWER_FLOOR_MS - 5 && r.ms < RESET_ANSWER_FLOOR_MS + 500, `answered in ${r.ms} ms`)
})

test('a token works once; a new request voids the unused one; unknown, used, replaced and expired tokens get one answer', async () => {
  const p = await registered(rt)
  await requestReset(p.body.email)
  const first = await latestToken(p.id)
  await requestReset(p.body.email)
  const second = await latestToken(p.id)
  const replaced = await confirm(first, newPassword())
  assert.equal(replaced.status, 422)
  assert.equal(replaced.json.type, 'https://apotheca.dev/problems/invalid-reset-token')
  assert.equal((await confirm(second, newPassword())).status, 204)
  const used = await confirm(second, newPassword())
  const unknown = await confirm('A'.repeat(43), newPassword())
  for (const r of [used, unknown]) assert.deepEqual([r.status, r.json], [replaced.status, replaced.json])

  const q = await registered(rt)
  await requestReset(q.body.email)
  const token = await latestToken(q.id)
  await rt.db.query(`UPDATE identity.password_resets SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [q.id])
  const expired = await confirm(token, newPassword())
  assert.deepEqual([expired.status, expired.json], [replaced.status, replaced.json])
  assert.ok(await login(rt, q.body.email, q.body.password), 'an expired token changed nothing')
})

test('the new password must pass the policy; a refused one leaves the token usable', async () => {
  const p = await registered(rt)
  await requestReset(p.body.email)
  const token = await latestToken(p.id)
  const weak = await confirm(token, 'password')
  assert.equal(weak.status, 400)
  assert.equal(weak.json.type, 'https://apotheca.dev/problems/validation')
  assert.equal((await confirm(token, newPassword())).status, 204)
})

test('requests are throttled per e-mail (known or not, alike) and per address: 429 with Retry-After', async () => {
  const p = await registered(rt)
  const unknown = `nobody.${randomUUID()}@example.test`
  const answers: Record<string, any> = {}
  for (const email of [p.body.email, unknown]) {
    for (let i = 0; i < RESET_ACCOUNT_LIMIT.failures; i++) assert.equal((await requestReset(email)).status, 202)
    const locked = await requestReset(email)
    assert.equal(locked.status, 429)
    assert.equal(locked.json.type, 'https://apotheca.dev/problems/too-many-attempts')
    const retry = Number(locked.headers['retry-after'])
    assert.ok(retry > 0 && retry <= RESET_ACCOUNT_LIMIT.lockSeconds, `Retry-After ${retry}`)
    answers[email] = Object.keys(locked.json).sort()
  }
  assert.deepEqual(answers[p.body.email], answers[unknown], 'a lock says nothing about whether the e-mail has an account')

  const ip = randomIp()
  for (let i = 0; i < RESET_IP_LIMIT.failures; i++)
    assert.equal((await requestReset(`probe.${i}.${randomUUID()}@example.test`, ip)).status, 202)
  const other = await registered(rt)
  assert.equal((await requestReset(other.body.email, ip)).status, 429, 'the address is locked, whatever e-mail it names')
  assert.equal((await requestReset(other.body.email)).status, 202, 'from another address it still works')
  const { rows } = await rt.db.query<{ throttle_key: string }>(`SELECT throttle_key FROM identity.sign_in_failures`)
  assert.ok(
    rows.every((r) => !r.throttle_key.includes(ip) && !r.throttle_key.includes(p.body.email)),
    'neither address nor e-mail stored as is',
  )
})

test('a reset clears the sign-in lockout, and a reset lock does not stop sign-in', async () => {
  const p = await registered(rt)
  for (let i = 0; i < 5; i++) await rt.request('POST', '/auth/login', { body: { email: p.body.email, password: `Wrong-${i}-password` } })
  assert.equal((await rt.request('POST', '/auth/login', { body: { email: p.body.email, password: p.body.password } })).status, 429)
  await requestReset(p.body.email)
  const password = newPassword()
  assert.equal((await confirm(await latestToken(p.id), password)).status, 204)
  assert.ok(await login(rt, p.body.email, password), 'the owner proved the mailbox: the lock is lifted')
  for (let i = 0; i < RESET_ACCOUNT_LIMIT.failures; i++) await requestReset(p.body.email)
  assert.equal((await requestReset(p.body.email)).status, 429)
  assert.ok(await login(rt, p.body.email, password), 'reset requests are counted apart from sign-ins')
})

test('staff reset too; a pharmacist with TOTP is still asked for the code at the next sign-in', async () => {
  const email = 'pharmacist@demo.apotheca.test'
  const accountId = decodeJwt(await login(rt, email, 'Demo-Pharmacist-2026!', DEMO_TOTP_SECRET)).sub!
  assert.equal((await requestReset(email)).status, 202)
  const password = newPassword()
  assert.equal((await confirm(await latestToken(accountId), password)).status, 204)
  const r = await rt.request('POST', '/auth/login', { body: { email, password } })
  assert.equal(r.status, 200)
  assert.equal(r.json.mfa_required, true)
  assert.equal(r.json.access_token, undefined, 'no access token on the new password alone')
  const m = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code: totpCode(DEMO_TOTP_SECRET) } })
  assert.equal(m.status, 200)
})

test('the internal recipient route answers the address of a live reset only, to services only, and audits a patient read', async () => {
  const p = await registered(rt)
  await requestReset(p.body.email)
  const resetId = (await outbox(rt, p.id)).find((e) => e.type === 'identity.password_reset.requested.v1')!.payload.reset_id
  const service = await internalToken(rt, 'notifications')
  const url = `/internal/password-resets/${resetId}/recipient`
  assert.equal((await rt.request('GET', url)).status, 401)
  assert.equal((await rt.request('GET', url, { token: await rt.token('admin', { mfa: true }) })).status, 401)
  const r = await rt.request('GET', url, { token: service })
  assert.equal(r.status, 200)
  assert.deepEqual(r.json, { reset_id: resetId, account_id: p.id, email: p.body.email })
  const accessed = (await outbox(rt, p.id)).filter((e) => e.type === 'identity.patient.accessed.v1')
  assert.deepEqual(
    accessed.map((e) => e.payload.purpose),
    ['internal'],
  )

  await confirm(await latestToken(p.id), newPassword())
  assert.equal((await rt.request('GET', url, { token: service })).status, 404, 'a used reset names no one')
  assert.equal((await rt.request('GET', `/internal/password-resets/${randomUUID()}/recipient`, { token: service })).status, 404)
})

test('no log line holds a reset token or a new password', () => {
  const logs = rt.logs()
  assert.ok(logs.includes('password reset requested'), 'the logs were captured')
  assert.ok(secrets.length > 8)
  for (const s of secrets) assert.ok(!logs.includes(s), 'a secret reached the logs')
  assert.doesNotMatch(logs, /@example\.test/, 'nor an e-mail address')
})
