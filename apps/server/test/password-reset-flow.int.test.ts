import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../src/modules.ts'

// Password reset by e-mail across identity, notifications (embedded mode: real .eml files) and the
// audit log: the token is read from the e-mail a person would get, and it is nowhere else in the clear.
let rt: TestRuntime
const secrets: string[] = []
before(async () => {
  rt = await startTestRuntime({
    modules: modulesFor(['identity', 'audit', 'notifications']),
    env: { APOTHECA_DEMO: '1' },
    captureLogs: true,
  })
})
after(async () => {
  await rt?.close()
})

/** The decoded .eml files written to this address (quoted-printable undone). */
function mailTo(email: string): string[] {
  const dir = join(rt.dataDir, 'mail')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((m) => m.includes(`To: ${email}`))
    .map((m) => m.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))))
}
/** Asks for a reset and reads the token from the e-mail that arrives (the n-th one to that address). */
async function tokenByEmail(email: string, nth = 1): Promise<string> {
  assert.equal((await rt.request('POST', '/auth/password/reset', { body: { email } })).status, 202)
  const mail = await eventually(`reset e-mail ${nth} to the mailbox`, () => mailTo(email).length >= nth && mailTo(email))
  const token = /^([A-Za-z0-9_-]{43})$/m.exec(mail.sort().at(-1)!)?.[1]
  assert.ok(token, 'a token in the e-mail')
  secrets.push(token)
  return token
}
const login = (email: string, password: string) => rt.request('POST', '/auth/login', { body: { email, password } })

test('a patient who refused e-mail news still gets the reset e-mail, resets with its token, and old sessions end', async () => {
  const email = `reset.${randomUUID().slice(0, 8)}@example.test`
  const password = 'Correct-Horse-Battery-9'
  const reg = await rt.request('POST', '/patients/register', {
    body: {
      name: 'Rosalind Franklin',
      date_of_birth: '1970-07-25',
      email,
      password,
      phone: '+12125550142',
      consent: { email: false, sms: false },
      address: { line1: '2 Main St', city: 'Arlington', state: 'VA', postal_code: '22201', country: 'US' },
    },
  })
  assert.equal(reg.status, 201, JSON.stringify(reg.json))
  const session = await login(email, password)
  const token = await tokenByEmail(email)
  const fresh = `Reset-By-Mail-${randomUUID().slice(0, 8)}`
  secrets.push(fresh)
  assert.equal((await rt.request('POST', '/auth/password/reset/confirm', { body: { token, new_password: fresh } })).status, 204)
  assert.equal((await login(email, fresh)).status, 200)
  assert.equal((await login(email, password)).status, 401)
  assert.equal((await rt.request('POST', '/auth/token/refresh', { body: { refresh_token: session.json.refresh_token } })).status, 401)
  const again = await rt.request('POST', '/auth/password/reset/confirm', { body: { token, new_password: `${fresh}-2` } })
  assert.equal(again.json.type, 'https://apotheca.dev/problems/invalid-reset-token', 'the e-mailed token works once')
  await eventually(
    'the reset in the audit log',
    async () =>
      (
        await rt.db.query(
          `SELECT 1 FROM audit.entries WHERE event_type = 'identity.account.password_reset.v1' AND (resource_id = $1 OR $1 = ANY(resource_ids))`,
          [reg.json.patient_id],
        )
      ).rows.length,
  )
})

test('an unknown e-mail gets the same 202 and no e-mail', async () => {
  const unknown = `nobody.${randomUUID().slice(0, 8)}@example.test`
  const r = await rt.request('POST', '/auth/password/reset', { body: { email: unknown } })
  assert.deepEqual([r.status, r.json], [202, { status: 'accepted' }])
  // A known address asked after it has its e-mail: the unknown one's turn has passed.
  await tokenByEmail('driver@demo.apotheca.test')
  assert.deepEqual(mailTo(unknown), [])
})

test('a pharmacist resets by e-mail and is still asked for the authenticator code', async () => {
  const email = 'pharmacist@demo.apotheca.test'
  const token = await tokenByEmail(email)
  const fresh = `Pharmacist-Reset-${randomUUID().slice(0, 8)}`
  secrets.push(fresh)
  assert.equal((await rt.request('POST', '/auth/password/reset/confirm', { body: { token, new_password: fresh } })).status, 204)
  const r = await login(email, fresh)
  assert.equal(r.json.mfa_required, true)
  assert.equal(r.json.access_token, undefined)
})

test('the token is in no log line, no outbox payload and no audit entry', async () => {
  const logs = rt.logs()
  assert.ok(logs.includes('notification handled'), 'the logs were captured')
  const outbox = (await rt.db.query<{ t: string }>(`SELECT payload::text AS t FROM identity.outbox`)).rows.map((r) => r.t).join('\n')
  assert.match(outbox, /sealed_token/)
  const audit = (await rt.db.query<{ t: string }>(`SELECT row_to_json(e)::text AS t FROM audit.entries e`)).rows.map((r) => r.t).join('\n')
  assert.match(audit, /password_reset\.requested/)
  for (const s of secrets) {
    assert.ok(!logs.includes(s), 'a token or new password reached the logs')
    assert.ok(!outbox.includes(s) && !audit.includes(s), 'a token or new password is stored in the clear')
  }
})
