import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger, loadConfig, startRuntime, type Runtime } from '@apotheca/kernel'
import { PGLITE_TEMPLATE } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { totpCode } from '../src/domain/totp.ts'
import { kekIdOf } from '../src/application/phi-vault.ts'
import { deriveKey } from '@apotheca/kernel'
import { newPatient } from './helpers.ts'

// Master-key rotation on one PGlite folder across restarts: K1, then K2 with K1 as previous (data
// readable throughout while the DEKs are re-wrapped), then K2 alone. Own folder: the shared
// PostgreSQL must keep the test master key every other test uses.
const dataDir = mkdtempSync(join(tmpdir(), 'apotheca-rotation-'))
if (PGLITE_TEMPLATE && existsSync(PGLITE_TEMPLATE)) cpSync(PGLITE_TEMPLATE, join(dataDir, 'pglite'), { recursive: true })
after(() => rmSync(dataDir, { recursive: true, force: true }))
const K1 = randomBytes(32).toString('base64')
const K2 = randomBytes(32).toString('base64')

async function boot(env: Record<string, string>): Promise<Runtime> {
  const config = loadConfig({
    APOTHECA_DATA: dataDir,
    APOTHECA_DEMO: '0',
    LOG_LEVEL: 'silent',
    APOTHECA_INTERNAL_SECRET: 'rotation-internal-secret-0123456789abcdef',
    ...env,
  })
  return startRuntime({ modules: [identity], config, log: createLogger('silent') })
}

async function call(rt: Runtime, method: string, url: string, o: { body?: unknown; token?: string } = {}) {
  const r = await rt.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body ? { 'content-type': 'application/json' } : {}) },
    ...(o.body ? { payload: JSON.stringify(o.body) } : {}),
  })
  return { status: r.statusCode, json: r.body ? r.json() : undefined }
}

/** Signs in with password and TOTP (a code of a later step: the enrolment spent the current one). */
async function signIn(rt: Runtime, p: { email: string; password: string }, secret: string, step: number) {
  const r = await call(rt, 'POST', '/auth/login', { body: { email: p.email, password: p.password } })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  const m = await call(rt, 'POST', '/auth/mfa/verify', {
    body: { mfa_token: r.json.mfa_token, code: totpCode(secret, Date.now() + step * 30_000) },
  })
  assert.equal(m.status, 200, JSON.stringify(m.json))
  return m.json.access_token as string
}

test('rotating the master key re-wraps every data key without losing data or a moment of service', { timeout: 400_000 }, async () => {
  // 1. Under K1: a patient with an authenticator and recovery codes.
  let rt = await boot({ APOTHECA_MASTER_KEY: K1 })
  const body = newPatient()
  const reg = await call(rt, 'POST', '/patients/register', { body })
  assert.equal(reg.status, 201)
  const id = reg.json.patient_id as string
  const first = (await call(rt, 'POST', '/auth/login', { body: { email: body.email, password: body.password } })).json.access_token
  const enrol = await call(rt, 'POST', '/auth/mfa/totp', { token: first })
  const activated = await call(rt, 'POST', '/auth/mfa/totp/activate', { token: first, body: { code: totpCode(enrol.json.secret) } })
  assert.equal(activated.status, 200)
  const exported = (await call(rt, 'GET', `/patients/${id}/export`, { token: first })).json
  await rt.close()

  // 2. K2 with K1 as previous: before, during and after re-wrapping, everything reads.
  rt = await boot({ APOTHECA_MASTER_KEY: K2, APOTHECA_MASTER_KEY_PREVIOUS: K1 })
  const k2 = kekIdOf(deriveKey(Buffer.from(K2, 'base64'), 'identity:dek-wrap'))
  const token = await signIn(rt, body, enrol.json.secret, 1)
  const during = await call(rt, 'GET', `/patients/${id}/export`, { token })
  assert.equal(during.status, 200)
  assert.deepEqual({ ...during.json, exported_at: null }, { ...exported, exported_at: null })
  const second = newPatient()
  assert.equal((await call(rt, 'POST', '/patients/register', { body: second })).status, 201, 'new patients register while rotating')
  const left = async () =>
    Number(
      (
        await rt.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM identity.accounts WHERE wrapped_dek IS NOT NULL AND kek_id IS DISTINCT FROM $1`,
          [k2],
        )
      ).rows[0]!.n,
    )
  for (let i = 0; i < 200 && (await left()) > 0; i++) await new Promise((r) => setTimeout(r, 50))
  assert.equal(await left(), 0, 'every DEK is wrapped under K2')
  const material = await rt.db.query<{ kek_id: string }>(`SELECT kek_id FROM identity.key_material`)
  assert.equal(material.rows.length, 2)
  await rt.close()

  // 3. K2 alone: the patient signs in (blind index and signing key intact), data and recovery codes work.
  rt = await boot({ APOTHECA_MASTER_KEY: K2 })
  // The authenticator's next steps are spent: sign in with a recovery code hashed before the rotation.
  const login = await call(rt, 'POST', '/auth/login', { body: { email: body.email, password: body.password } })
  assert.equal(login.status, 200, 'the blind index still finds the e-mail')
  const recovered = await call(rt, 'POST', '/auth/mfa/verify', {
    body: { mfa_token: login.json.mfa_token, recovery_code: activated.json.recovery_codes[0] },
  })
  assert.equal(recovered.status, 200, 'recovery codes hashed before the rotation still work')
  const reread = await call(rt, 'GET', `/patients/${id}/export`, { token: recovered.json.access_token })
  assert.deepEqual({ ...reread.json, exported_at: null }, { ...exported, exported_at: null })
  const newcomer = await call(rt, 'POST', '/auth/login', { body: { email: second.email, password: second.password } })
  assert.equal(newcomer.status, 200)
  await rt.close()

  // 4. K1 alone is refused at start with a clear error: nothing is wrapped under it any more.
  await assert.rejects(boot({ APOTHECA_MASTER_KEY: K1 }), /wrapped under neither/)
})
