import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { internalToken, login, outbox, registered } from './helpers.ts'

let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: [identity] })
})
after(async () => {
  await rt?.close()
})

const consentOf = (id: string, token: string) => rt.request('GET', `/patients/${id}/consent`, { token })
const setConsent = (id: string, token: string, body: unknown) => rt.request('PUT', `/patients/${id}/consent`, { token, body })

test('consent starts from registration; each change keeps the others, joins the history and is audited', async () => {
  const p = await registered(rt, { consent: { sms: true } })
  const token = await login(rt, p.body.email, p.body.password)
  const start = await consentOf(p.id, token)
  assert.equal(start.status, 200)
  assert.deepEqual(start.json.consent, { email: true, sms: true, marketing: false, data_sharing: false })
  assert.deepEqual(
    start.json.history.map((h: any) => h.changed_by),
    ['registration'],
  )

  const changed = await setConsent(p.id, token, { marketing: true, sms: false })
  assert.equal(changed.status, 200, JSON.stringify(changed.json))
  assert.deepEqual(changed.json.consent, { email: true, sms: false, marketing: true, data_sharing: false })
  assert.equal((await setConsent(p.id, token, { marketing: true })).status, 200, 'no change is fine')
  await setConsent(p.id, token, { data_sharing: true })
  const after = (await consentOf(p.id, token)).json
  assert.deepEqual(
    after.history.map((h: any) => [h.changed_by, h.consent.marketing, h.consent.data_sharing]),
    [
      ['registration', false, false],
      [p.id, true, false],
      [p.id, true, true],
    ],
    'a change that changes nothing records nothing',
  )
  assert.ok(after.history.every((h: any, i: number, all: any[]) => i === 0 || h.changed_at >= all[i - 1].changed_at))

  const events = (await outbox(rt, p.id)).filter((e) => e.type === 'identity.patient.consent_changed.v1')
  assert.deepEqual(
    events.map((e) => e.payload.consent.data_sharing),
    [false, true],
  )
  assert.equal(events[0]!.payload.actor_id, p.id)

  const internal = await rt.request('GET', `/internal/patients/${p.id}`, { token: await internalToken(rt) })
  assert.deepEqual(internal.json.consent, { email: true, sms: false }, 'senders see the new SMS consent')
})

test('bad consent bodies are 400 and change nothing; another patient gets 404; staff cannot give consent', async () => {
  const p = await registered(rt)
  const token = await login(rt, p.body.email, p.body.password)
  for (const body of [{}, { marketing: 'yes' }, { newsletter: true }, []]) {
    const r = await setConsent(p.id, token, body)
    assert.equal(r.status, 400, JSON.stringify(body))
  }
  assert.equal((await consentOf(p.id, token)).json.history.length, 1)
  const eve = await registered(rt)
  const eveToken = await login(rt, eve.body.email, eve.body.password)
  assert.equal((await consentOf(p.id, eveToken)).status, 404)
  assert.equal((await setConsent(p.id, eveToken, { marketing: true })).status, 404)
  assert.equal((await consentOf(randomUUID(), token)).status, 404)
  const admin = await rt.token('admin', { mfa: true })
  assert.equal((await consentOf(p.id, admin)).status, 200, 'an admin with MFA may read it')
  assert.equal((await setConsent(p.id, admin, { marketing: true })).status, 403)
  assert.equal((await consentOf(p.id, await rt.token('admin'))).status, 403, 'an admin without MFA may not')
})

test('an erased patient has no consent to read or change', async () => {
  const p = await registered(rt)
  const token = await login(rt, p.body.email, p.body.password)
  assert.equal((await rt.request('DELETE', `/patients/${p.id}`, { token })).status, 202)
  assert.equal((await consentOf(p.id, token)).status, 404)
  assert.equal((await setConsent(p.id, token, { marketing: true })).status, 404)
})
