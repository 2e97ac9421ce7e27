import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { decodeJwt } from 'jose'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { totpCode } from '../src/domain/totp.ts'
import { ACCOUNT_LIMIT, IP_LIMIT } from '../src/application/throttle.ts'
import { login, registered } from './helpers.ts'

let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [identity] })
})
after(async () => {
  await rt?.close()
})

/** A sign-in from the given client address (each test its own, so their counts never mix). */
async function signIn(email: string, password: string, ip: string) {
  const r = await rt.app.inject({
    method: 'POST',
    url: '/auth/login',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ email, password }),
  })
  return { status: r.statusCode, json: r.json(), headers: r.headers }
}
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`
const refresh = (refresh_token: string) => rt.request('POST', '/auth/token/refresh', { body: { refresh_token } })

test('five wrong passwords lock the e-mail: 429 with Retry-After, even for the right password; unknown e-mails alike', async () => {
  const p = await registered(rt)
  const ip = randomIp()
  for (let i = 0; i < ACCOUNT_LIMIT.failures; i++) assert.equal((await signIn(p.body.email, `Wrong-${i}-password`, ip)).status, 401)
  const locked = await signIn(p.body.email, p.body.password, ip)
  assert.equal(locked.status, 429)
  assert.equal(locked.json.type, 'https://apotheca.dev/problems/too-many-attempts')
  const retry = Number(locked.headers['retry-after'])
  assert.ok(retry > 0 && retry <= ACCOUNT_LIMIT.lockSeconds, `Retry-After ${retry}`)
  assert.equal((await signIn(p.body.email, p.body.password, randomIp())).status, 429, 'the lock is on the account, from any address')

  const unknown = `nobody.${randomUUID()}@example.test`
  for (let i = 0; i < ACCOUNT_LIMIT.failures; i++) assert.equal((await signIn(unknown, `Wrong-${i}-password`, ip)).status, 401)
  const lockedUnknown = await signIn(unknown, p.body.password, ip)
  assert.equal(lockedUnknown.status, 429, 'an unknown e-mail locks the same way: nothing to learn from a 429')
  assert.deepEqual(Object.keys(lockedUnknown.json).sort(), Object.keys(locked.json).sort())

  const other = await registered(rt)
  assert.equal((await signIn(other.body.email, other.body.password, ip)).status, 200, 'another account from the same address is not locked')
  const { rows } = await rt.db.query<{ throttle_key: string }>(`SELECT throttle_key FROM identity.sign_in_failures`)
  assert.ok(
    rows.every((r) => !r.throttle_key.includes(ip) && !r.throttle_key.includes(p.body.email)),
    'neither address nor e-mail stored as is',
  )
})

test('a successful sign-in clears the e-mail’s count', async () => {
  const p = await registered(rt)
  const ip = randomIp()
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < ACCOUNT_LIMIT.failures - 1; i++) assert.equal((await signIn(p.body.email, 'Wrong-password-1', ip)).status, 401)
    assert.equal((await signIn(p.body.email, p.body.password, ip)).status, 200)
  }
})

test('many wrong passwords from one address, over many e-mails, lock the address', { timeout: 120_000 }, async () => {
  const ip = randomIp()
  for (let i = 0; i < IP_LIMIT.failures; i++)
    assert.equal((await signIn(`stuffing.${i}.${randomUUID()}@example.test`, 'Wrong-password-1', ip)).status, 401)
  const p = await registered(rt)
  const locked = await signIn(p.body.email, p.body.password, ip)
  assert.equal(locked.status, 429)
  assert.ok(Number(locked.headers['retry-after']) > 0)
  assert.equal((await signIn(p.body.email, p.body.password, randomIp())).status, 200, 'the account itself is fine from elsewhere')
})

test('refresh tokens rotate; a spent one shown again revokes the whole sign-in', async () => {
  const p = await registered(rt)
  const first = await signIn(p.body.email, p.body.password, randomIp())
  assert.match(first.json.refresh_token, /^rt_[A-Za-z0-9_-]{43}$/)
  const second = await refresh(first.json.refresh_token)
  assert.equal(second.status, 200, JSON.stringify(second.json))
  assert.equal(second.headers['cache-control'], 'no-store')
  assert.notEqual(second.json.refresh_token, first.json.refresh_token)
  assert.equal(decodeJwt(second.json.access_token).sub, p.id)
  assert.equal((await rt.request('GET', `/patients/${p.id}/export`, { token: second.json.access_token })).status, 200)

  const replay = await refresh(first.json.refresh_token)
  assert.equal(replay.status, 401)
  assert.equal(replay.json.type, 'https://apotheca.dev/problems/refresh-token-reused')
  assert.equal((await refresh(second.json.refresh_token)).status, 401, 'the newer token of the family is revoked too')
  const { rows } = await rt.db.query<{ token_hash: string }>(`SELECT token_hash FROM identity.refresh_tokens`)
  assert.ok(
    rows.every((r) => r.token_hash !== second.json.refresh_token && /^[0-9a-f]{64}$/.test(r.token_hash)),
    'only hashes are stored',
  )
  assert.equal((await refresh('rt_not-a-token')).status, 401)
  assert.equal((await refresh('')).status, 400)
})

test('logout revokes the sign-in’s refresh tokens; other sign-ins stay', async () => {
  const p = await registered(rt)
  const a = await signIn(p.body.email, p.body.password, randomIp())
  const b = await signIn(p.body.email, p.body.password, randomIp())
  const rotated = await refresh(a.json.refresh_token)
  const out = await rt.request('POST', '/auth/logout', { body: { refresh_token: a.json.refresh_token } })
  assert.equal(out.status, 204)
  assert.equal((await refresh(rotated.json.refresh_token)).status, 401, 'the rotated token of the same sign-in is revoked')
  assert.equal((await refresh(b.json.refresh_token)).status, 200, 'another device stays signed in')
  assert.equal(
    (await rt.request('POST', '/auth/logout', { body: { refresh_token: 'rt_unknown' } })).status,
    204,
    'no oracle for unknown tokens',
  )
})

test('an erased patient’s refresh token is refused', async () => {
  const p = await registered(rt)
  const s = await signIn(p.body.email, p.body.password, randomIp())
  assert.equal((await rt.request('DELETE', `/patients/${p.id}`, { token: s.json.access_token })).status, 202)
  assert.equal((await refresh(s.json.refresh_token)).status, 401)
})

test('recovery codes: ten at enrolment, each signs in once, renewal voids the old; a refresh keeps the sign-in’s mfa_at', async () => {
  const p = await registered(rt)
  const token = await login(rt, p.body.email, p.body.password)
  const start = await rt.request('POST', '/auth/mfa/totp', { token })
  const activated = await rt.request('POST', '/auth/mfa/totp/activate', { token, body: { code: totpCode(start.json.secret) } })
  assert.equal(activated.status, 200)
  const codes: string[] = activated.json.recovery_codes
  assert.equal(codes.length, 10)
  assert.equal(new Set(codes).size, 10)
  for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)

  const withRecovery = async (code: string) => {
    const r = await signIn(p.body.email, p.body.password, randomIp())
    assert.equal(r.json.mfa_required, true)
    return rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, recovery_code: code } })
  }
  const ok = await withRecovery(codes[0]!.toUpperCase())
  assert.equal(ok.status, 200, JSON.stringify(ok.json))
  const claims = decodeJwt(ok.json.access_token)
  assert.deepEqual(claims.amr, ['pwd', 'otp'])
  assert.equal((await withRecovery(codes[0]!)).status, 401, 'a recovery code is good once')
  assert.equal((await withRecovery('abcd-efgh-jkmn-pqrs')).status, 401)

  const later = await refresh(ok.json.refresh_token)
  assert.equal(decodeJwt(later.json.access_token).mfa_at, claims.mfa_at, 'a refresh is not a fresh second factor')

  assert.equal((await rt.request('POST', '/auth/mfa/recovery-codes', { token })).status, 403, 'renewal needs a second factor')
  const renewed = await rt.request('POST', '/auth/mfa/recovery-codes', { token: ok.json.access_token })
  assert.equal(renewed.status, 200)
  assert.equal((await withRecovery(codes[1]!)).status, 401, 'the old codes stop working')
  assert.equal((await withRecovery(renewed.json.recovery_codes[0])).status, 200)
  const { rows } = await rt.db.query<{ code_hash: string }>(`SELECT code_hash FROM identity.recovery_codes WHERE account_id = $1`, [p.id])
  assert.equal(rows.length, 10)
  assert.ok(rows.every((r) => !renewed.json.recovery_codes.some((c: string) => r.code_hash.includes(c.replace(/-/g, '')))))
})

test('changing the password needs the current one, ends every session, and the old password stops working', async () => {
  const p = await registered(rt)
  const ip = randomIp()
  const a = await signIn(p.body.email, p.body.password, ip)
  const b = await signIn(p.body.email, p.body.password, ip)
  const change = (body: unknown, token = a.json.access_token) => rt.request('POST', '/auth/password', { token, body })
  const next = 'Another-Horse-Battery-7'
  assert.equal((await change({ current_password: 'Wrong-password-123', new_password: next })).status, 403)
  assert.equal((await change({ current_password: p.body.password, new_password: 'short' })).status, 400)
  assert.equal((await change({ current_password: p.body.password, new_password: p.body.password })).status, 422)
  assert.equal(
    (await rt.request('POST', '/auth/password', { body: { current_password: p.body.password, new_password: next } })).status,
    401,
  )
  assert.equal((await signIn(p.body.email, p.body.password, ip)).status, 200, 'nothing changed so far')
  assert.equal((await change({ current_password: p.body.password, new_password: next })).status, 204)
  assert.equal((await refresh(a.json.refresh_token)).status, 401, 'this session ended')
  assert.equal((await refresh(b.json.refresh_token)).status, 401, 'and the other one')
  assert.equal((await signIn(p.body.email, p.body.password, ip)).status, 401)
  assert.equal((await signIn(p.body.email, next, ip)).status, 200)
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM identity.outbox WHERE type = 'identity.account.password_changed.v1' AND aggregate_id = $1`,
    [p.id],
  )
  assert.deepEqual(
    rows.map((r) => r.payload),
    [{ account_id: p.id, sessions_revoked: 3 }],
  )
})

test('wrong current passwords count towards the sign-in lockout', async () => {
  const p = await registered(rt)
  const token = (await signIn(p.body.email, p.body.password, randomIp())).json.access_token
  for (let i = 0; i < ACCOUNT_LIMIT.failures; i++) {
    assert.equal(
      (
        await rt.request('POST', '/auth/password', {
          token,
          body: { current_password: `Wrong-${i}-password`, new_password: 'Another-Horse-Battery-7' },
        })
      ).status,
      403,
    )
  }
  assert.equal(
    (
      await rt.request('POST', '/auth/password', {
        token,
        body: { current_password: p.body.password, new_password: 'Another-Horse-Battery-7' },
      })
    ).status,
    429,
  )
  assert.equal((await signIn(p.body.email, p.body.password, randomIp())).status, 429)
})
