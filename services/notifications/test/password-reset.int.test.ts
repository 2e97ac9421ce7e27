import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { randomBytes, randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { z } from 'zod'
import { PASSWORD_RESET_DELIVERY } from '@apotheca/contracts'
import { ConfigError, deriveKey, loadConfig, loadSecrets, route, seal, type ServiceModule } from '@apotheca/kernel'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import notifications from '../src/module.ts'

// notifications' side of password reset, with identity's recipient route played by a stub (a service
// test may not import another service; the whole flow is in apps/server/test/password-reset-flow.int.test.ts).
const live = new Map<string, { account_id: string; email: string }>()
const stubIdentity: ServiceModule = {
  name: 'identity',
  migrations: pathToFileURL(`${mkdtempSync(join(tmpdir(), 'stub-identity-'))}/`),
  create: () => ({
    routes: [
      route({
        method: 'GET',
        url: '/internal/password-resets/:resetId/recipient',
        summary: 'stub',
        auth: { internal: true },
        schema: { params: z.object({ resetId: z.uuid() }) },
        handler: async ({ params }, reply) => {
          const r = live.get(params.resetId)
          return r
            ? { reset_id: params.resetId, ...r }
            : reply.status(404).send({ type: 'about:blank', title: 'Password reset not found', status: 404 })
        },
      }),
    ],
  }),
}

const inbox: Array<{ to: string[]; raw: string }> = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    let raw = ''
    stream.on('data', (c) => {
      raw += c
    })
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
      done()
    })
  },
})
let embedded: TestRuntime
let viaSmtp: TestRuntime
before(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()))
  const port = (smtp.server.address() as AddressInfo).port
  embedded = await startTestRuntime({ modules: [stubIdentity, notifications], captureLogs: true })
  viaSmtp = await startTestRuntime({ modules: [stubIdentity, notifications], env: { APOTHECA_SMTP_URL: `smtp://127.0.0.1:${port}` } })
})
after(async () => {
  await embedded?.close()
  await viaSmtp?.close()
  await new Promise<void>((r) => smtp.close(() => r()))
})

/** identity's event for a new reset, its token sealed under the runtime's master key as identity seals it. */
function requested(rt: TestRuntime, accountId = randomUUID(), opts: { aadAccount?: string } = {}) {
  const token = randomBytes(32).toString('base64url')
  const resetId = randomUUID()
  const key = deriveKey(
    loadSecrets(loadConfig({ APOTHECA_DATA: rt.dataDir, LOG_LEVEL: 'silent' })).masterKey,
    PASSWORD_RESET_DELIVERY.label,
  )
  const sealed = seal(key, token, PASSWORD_RESET_DELIVERY.aad(resetId, opts.aadAccount ?? accountId))
  const event = {
    id: randomUUID(),
    type: 'identity.password_reset.requested.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: accountId,
    version: 1,
    traceparent: null,
    payload: {
      reset_id: resetId,
      account_id: accountId,
      expires_at: new Date(Date.now() + 30 * 60_000).toISOString(),
      sealed_token: sealed,
    },
  } as any
  return { token, resetId, accountId, event }
}

/** The text of an e-mail as written (quoted-printable undone). */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
/** The .eml files the embedded mailer wrote to this address. */
const emlTo = (rt: TestRuntime, email: string) => {
  const dir = join(rt.dataDir, 'mail')
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .filter((m) => m.includes(`To: ${email}`))
}
const statusOf = async (rt: TestRuntime, eventId: string) =>
  (await rt.db.query(`SELECT status, account_id, patient_id FROM notifications.messages WHERE event_id = $1`, [eventId])).rows

test('embedded mode: the reset e-mail is written as an .eml to the account’s own address, with the token; once per event', async () => {
  const r = requested(embedded)
  const email = `reset.${randomUUID().slice(0, 8)}@example.test`
  live.set(r.resetId, { account_id: r.accountId, email })
  await embedded.bus.publish([r.event])
  await embedded.bus.publish([r.event])
  const mail = await eventually('the .eml', () => emlTo(embedded, email)[0])
  assert.equal(emlTo(embedded, email).length, 1, 'a redelivered event sends nothing more')
  const text = decoded(mail)
  assert.match(text, /Subject: Reset your Apotheca password/)
  assert.match(text, new RegExp(`^${r.token}$`, 'm'), 'the token on a line of its own')
  assert.match(text, /If you did not ask for this, ignore this e-mail/)
  assert.deepEqual(await statusOf(embedded, r.event.id), [{ status: 'sent', account_id: r.accountId, patient_id: null }])
  const stored = JSON.stringify((await embedded.db.query(`SELECT * FROM notifications.messages`)).rows)
  assert.ok(!stored.includes(r.token) && !stored.includes(email), 'neither token nor address is stored')
  assert.ok(embedded.logs().includes('notification handled'), 'the logs were captured')
  assert.ok(!embedded.logs().includes(r.token) && !embedded.logs().includes(email), 'neither token nor address is logged')
})

test('a reset identity no longer vouches for (used, replaced, expired) or naming another account is not sent', async () => {
  const gone = requested(embedded)
  await embedded.bus.publish([gone.event])
  assert.deepEqual(
    (await statusOf(embedded, gone.event.id)).map((x) => x.status),
    ['skipped_expired'],
  )

  const swapped = requested(embedded)
  const email = `swapped.${randomUUID().slice(0, 8)}@example.test`
  live.set(swapped.resetId, { account_id: randomUUID(), email })
  await embedded.bus.publish([swapped.event])
  assert.deepEqual(
    (await statusOf(embedded, swapped.event.id)).map((x) => x.status),
    ['skipped_expired'],
  )
  assert.equal(emlTo(embedded, email).length, 0)
})

test('with SMTP configured the e-mail goes through a real SMTP server', async () => {
  const r = requested(viaSmtp)
  const email = `smtp.${randomUUID().slice(0, 8)}@example.test`
  live.set(r.resetId, { account_id: r.accountId, email })
  await viaSmtp.bus.publish([r.event])
  const mail = await eventually('the SMTP message', () => inbox.find((m) => m.to.includes(email)))
  assert.match(decoded(mail.raw), new RegExp(`^${r.token}$`, 'm'))
})

test('APOTHECA_PASSWORD_RESET_URL must be an http(s) URL without a fragment', () => {
  assert.equal(loadConfig({}).APOTHECA_PASSWORD_RESET_URL, undefined)
  assert.equal(
    loadConfig({ APOTHECA_PASSWORD_RESET_URL: 'https://pharmacy.example/reset' }).APOTHECA_PASSWORD_RESET_URL,
    'https://pharmacy.example/reset',
  )
  for (const bad of ['javascript:alert(1)', 'https://pharmacy.example/reset#x'])
    assert.throws(() => loadConfig({ APOTHECA_PASSWORD_RESET_URL: bad }), ConfigError)
})
