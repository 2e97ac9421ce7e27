import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { totpCode } from '../src/domain/totp.ts'
import { MAX_MFA_ATTEMPTS } from '../src/application/verify-mfa.ts'
import { login, registered, tokenServiceOf } from './helpers.ts'

let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [identity] })
})
after(async () => {
  await rt?.close()
})

const signIn = (email: string, password: string) => rt.request('POST', '/auth/login', { body: { email, password } })
const exportOf = (id: string, token: string) => rt.request('GET', `/patients/${id}/export`, { token })

/** A patient with TOTP enrolled through the API; returns its secret. */
async function withTotp() {
  const p = await registered(rt)
  const token = await login(rt, p.body.email, p.body.password)
  const start = await rt.request('POST', '/auth/mfa/totp', { token })
  assert.equal(start.status, 201)
  assert.match(start.json.otpauth_uri, /^otpauth:\/\/totp\//)
  const wrong = await rt.request('POST', '/auth/mfa/totp/activate', {
    token,
    body: { code: totpCode(start.json.secret, Date.now() - 120_000) },
  })
  // A well-formed code that is not the authenticator's now: 422 (400 is for what the schema says).
  assert.deepEqual([wrong.status, wrong.json.type], [422, 'https://apotheca.dev/problems/invalid-code'])
  const ok = await rt.request('POST', '/auth/mfa/totp/activate', { token, body: { code: totpCode(start.json.secret) } })
  assert.equal(ok.status, 200)
  assert.equal((await rt.request('POST', '/auth/mfa/totp', { token })).status, 409)
  return { ...p, secret: start.json.secret as string }
}

/** Codes that no nearby time step of the secret has. */
function wrongCodes(secret: string): string[] {
  const near = new Set([-60_000, -30_000, 0, 30_000, 60_000, 90_000].map((d) => totpCode(secret, Date.now() + d)))
  return ['123456', '234567', '345678', '456789', '567890', '678901', '789012', '890123', '901234', '012345', '135791'].filter(
    (c) => !near.has(c),
  )
}

/** A code of the authenticator that was not used yet (the enrolment used the current step). */
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000)

test('a patient signs in and gets an EdDSA access token that the JWKS verifies', async () => {
  const p = await registered(rt)
  const r = await signIn(p.body.email, p.body.password)
  assert.equal(r.status, 200)
  assert.equal(r.json.token_type, 'Bearer')
  assert.equal(r.json.expires_in, 900)
  assert.equal(r.headers['cache-control'], 'no-store')
  const header = decodeProtectedHeader(r.json.access_token)
  const claims = decodeJwt(r.json.access_token)
  assert.equal(header.alg, 'EdDSA')
  assert.deepEqual([claims.iss, claims.aud, claims.sub, claims.role, claims.amr], ['apotheca', 'apotheca', p.id, 'patient', ['pwd']])
  assert.equal(claims.mfa_at, undefined)
  assert.equal(claims.exp! - claims.iat!, 900)
  const jwks = await rt.request('GET', '/.well-known/jwks.json')
  assert.equal(jwks.status, 200)
  const key = jwks.json.keys.find((k: any) => k.kid === header.kid)
  assert.deepEqual({ kty: key.kty, crv: key.crv, alg: key.alg, use: key.use }, { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })
  assert.equal(key.d, undefined, 'the JWKS must not carry the private key')
})

test('the token is accepted by a protected route and refused when tampered, expired or signed by another key', async () => {
  const p = await registered(rt)
  const token = await login(rt, p.body.email, p.body.password)
  assert.equal((await exportOf(p.id, token)).status, 200)

  const [h, , s] = token.split('.')
  const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), role: 'admin' })).toString('base64url')
  assert.equal((await exportOf(p.id, `${h}.${forged}.${s}`)).status, 401)

  const tokens = await tokenServiceOf(rt)
  const expired = await tokens.accessToken({ sub: p.id, role: 'patient' }, Date.now() - 16 * 60_000)
  const r = await exportOf(p.id, expired)
  assert.equal(r.status, 401)
  assert.match(r.json.type, /unauthorized/)
  const fresh = await tokens.accessToken({ sub: p.id, role: 'patient' })
  assert.equal((await exportOf(p.id, fresh)).status, 200)

  const other = await generateKeyPair('EdDSA')
  const foreign = await new SignJWT({ role: 'patient', amr: ['pwd'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'someone-else' })
    .setSubject(p.id)
    .setIssuer('apotheca')
    .setAudience('apotheca')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(other.privateKey)
  assert.equal((await exportOf(p.id, foreign)).status, 401)
})

test('a wrong password and an unknown e-mail get the same 401', async () => {
  const p = await registered(rt)
  const wrong = await signIn(p.body.email, 'Not-The-Password-42')
  const unknown = await signIn(`nobody.${randomUUID()}@example.test`, p.body.password)
  assert.equal(wrong.status, 401)
  assert.deepEqual(wrong.json, unknown.json)
  assert.match(wrong.json.type, /invalid-credentials/)
})

test('with TOTP enrolled, sign-in asks for the code, and the right code gives an access token with otp', async () => {
  const p = await withTotp()
  const r = await signIn(p.body.email, p.body.password)
  assert.equal(r.status, 200)
  assert.equal(r.json.mfa_required, true)
  assert.equal(r.json.access_token, undefined)
  const code = nextCode(p.secret)
  const wrong = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code: wrongCodes(p.secret)[0] } })
  assert.equal(wrong.status, 401)
  const m = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code } })
  assert.equal(m.status, 200)
  assert.equal(m.json.token_type, 'Bearer')
  const claims = decodeJwt(m.json.access_token)
  assert.deepEqual(claims.amr, ['pwd', 'otp'])
  assert.ok(Math.abs(Number(claims.mfa_at) - Date.now() / 1000) < 5)
  assert.equal((await exportOf(p.id, m.json.access_token)).status, 200)

  const again = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code } })
  assert.equal(again.status, 401, 'an mfa token is single use')
  const second = await signIn(p.body.email, p.body.password)
  const replay = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: second.json.mfa_token, code } })
  assert.equal(replay.status, 401, 'a code is accepted once only')
  assert.match(replay.json.detail, /already used/)
})

test('an mfa token is no access token, and an access token is no mfa token', async () => {
  const p = await withTotp()
  const r = await signIn(p.body.email, p.body.password)
  assert.equal((await exportOf(p.id, r.json.mfa_token)).status, 401)
  const access = await (await tokenServiceOf(rt)).accessToken({ sub: p.id, role: 'patient' })
  const m = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: access, code: nextCode(p.secret) } })
  assert.equal(m.status, 401)
})

test(`after ${MAX_MFA_ATTEMPTS} wrong codes the sign-in must start again`, async () => {
  const p = await withTotp()
  const r = await signIn(p.body.email, p.body.password)
  const code = nextCode(p.secret)
  const wrong = wrongCodes(p.secret)
  for (let i = 0; i < MAX_MFA_ATTEMPTS; i++) {
    assert.equal((await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code: wrong[i] } })).status, 401)
  }
  const late = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code } })
  assert.equal(late.status, 401)
  assert.match(late.json.type, /mfa-expired/)
  const fresh = await signIn(p.body.email, p.body.password)
  assert.equal((await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: fresh.json.mfa_token, code } })).status, 200)
})

test('malformed sign-in bodies are 400 problems, not 500s', async () => {
  assert.equal((await rt.request('POST', '/auth/login', { body: { email: 'a@b.test' } })).status, 400)
  assert.equal((await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: 'x', code: '12ab56' } })).status, 400)
  assert.equal((await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: 'not-a-jwt', code: '123456' } })).status, 401)
})

test('the signing key is stored sealed, and a second instance signs with the same key', async () => {
  const { rows } = await rt.db.query<{ kid: string; private_jwk_sealed: string }>(
    `SELECT kid, private_jwk_sealed FROM identity.signing_keys`,
  )
  assert.equal(rows.length, 1)
  assert.match(rows[0]!.private_jwk_sealed, /^v1\./)
  const p = await registered(rt)
  const other = await (await tokenServiceOf(rt)).accessToken({ sub: p.id, role: 'patient' })
  assert.equal(decodeProtectedHeader(other).kid, rows[0]!.kid)
})
