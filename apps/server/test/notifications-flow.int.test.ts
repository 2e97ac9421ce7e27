import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../src/modules.ts'

// Notifications through a real SMTP server, with the patient's address asked of the real identity service.
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
let rt: TestRuntime

before(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()))
  const port = (smtp.server.address() as AddressInfo).port
  rt = await startTestRuntime({
    modules: modulesFor(['identity', 'notifications']),
    env: { APOTHECA_SMTP_URL: `smtp://127.0.0.1:${port}` },
  })
})
after(async () => {
  await rt?.close()
  await new Promise<void>((r) => smtp.close(() => r()))
})

async function register(consent: { email: boolean; sms: boolean }) {
  const email = `n.${randomUUID().slice(0, 8)}@example.test`
  const r = await rt.request('POST', '/patients/register', {
    body: {
      name: 'Grace Hopper',
      date_of_birth: '1960-12-09',
      email,
      password: 'Correct-Horse-Battery-9',
      phone: '+12125550199',
      consent,
      address: { line1: '1 Main St', city: 'Arlington', state: 'VA', postal_code: '22201', country: 'US' },
    },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  return { patientId: r.json.patient_id as string, email }
}

const shipped = (patientId: string, orderId = randomUUID()) =>
  ({
    id: randomUUID(),
    type: 'orders.order.status_changed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: orderId,
    version: 1,
    traceparent: null,
    payload: {
      order_id: orderId,
      patient_id: patientId,
      from: 'fulfilling',
      order_status: 'shipped',
      payment_status: 'captured',
      reason: null,
    },
  }) as any

const until = <T>(what: string, fn: () => T | undefined) => eventually(what, fn, 10_000, 100)

test('a patient who consented gets one e-mail when the order ships, naming no medicine', async () => {
  const { patientId, email } = await register({ email: true, sms: false })
  const event = shipped(patientId)
  await rt.bus.publish([event])
  await rt.bus.publish([event]) // redelivered: still one e-mail
  const mail = await until('the e-mail', () => inbox.find((m) => m.to.includes(email)))
  assert.match(mail.raw, /Subject: Order [0-9A-F]{8} is on its way/)
  assert.doesNotMatch(mail.raw, /Grace|Hopper|amoxicillin/i)
  assert.equal(inbox.filter((m) => m.to.includes(email)).length, 1)
  const { rows } = await rt.db.query(`SELECT status FROM notifications.messages WHERE event_id = $1`, [event.id])
  assert.deepEqual(
    rows.map((r) => r.status),
    ['sent'],
  )
})

test('a patient who refused e-mail gets none, and the refusal is recorded', async () => {
  const { patientId, email } = await register({ email: false, sms: false })
  const event = shipped(patientId)
  await rt.bus.publish([event])
  const { rows } = await rt.db.query(`SELECT status FROM notifications.messages WHERE event_id = $1`, [event.id])
  assert.deepEqual(
    rows.map((r) => r.status),
    ['skipped_no_consent'],
  )
  assert.equal(
    inbox.some((m) => m.to.includes(email)),
    false,
  )
})
