import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { signPayload, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import prescriptions from '../src/module.ts'
import { findEpcsMessage } from '../src/db/epcs-message.repository.ts'
import { isoDay, outboxTypes, reviewed } from './helpers.ts'

const SECRET = 'whsec_demo_epcs'
let rt: TestRuntime
// No catalog at all in this process: submissions still work, unconfirmed, into the queue.
before(async () => {
  rt = await startTestRuntime({ modules: [prescriptions] })
})
after(async () => {
  await rt?.close()
})

function hook(body: unknown, signature: string | null = 'valid', t?: number) {
  const raw = JSON.stringify(body)
  const headers: Record<string, string> = {}
  if (signature === 'valid') headers['apotheca-signature'] = signPayload(SECRET, raw, t)
  else if (signature) headers['apotheca-signature'] = signature
  return rt.request('POST', '/webhooks/epcs/status', { raw, headers })
}

async function newPrescription(patient = randomUUID()) {
  const r = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner'),
    body: { patient_id: patient, drug_id: randomUUID(), dosage: 'one daily', quantity: 30, refill_count: 0, issue_date: isoDay() },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  await reviewed(rt, r.json.prescription_id)
  return { id: r.json.prescription_id as string, patient }
}

async function historyOf(patient: string, id: string) {
  const l = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  return l.json.prescriptions.find((p: any) => p.prescription_id === id)
}

test('without the catalog a submission is still taken into the queue', async () => {
  const { id, patient } = await newPrescription()
  const p = await historyOf(patient, id)
  assert.equal(p.status, 'in_review')
})

test('unsigned, forged or stale calls are 401', async () => {
  const body = { message_id: randomUUID(), prescription_id: randomUUID(), status: 'accepted' }
  assert.equal((await hook(body, null)).status, 401)
  assert.equal((await hook(body, signPayload('not-the-secret', JSON.stringify(body)))).status, 401)
  assert.equal((await hook(body, 'valid', Math.floor(Date.now() / 1000) - 600)).status, 401)
  assert.equal(await findEpcsMessage(rt.db, body.message_id), null)
})

test('a signed status is recorded once: a known prescription gets a history note, a replay changes nothing', async () => {
  const { id, patient } = await newPrescription()
  const body = { message_id: `m-${randomUUID()}`, prescription_id: id, status: 'accepted' }
  const r = await hook(body)
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.status, 'accepted')
  const first = await historyOf(patient, id)
  assert.equal(first.history.at(-1).reason.includes('e-prescribing network: accepted'), true)
  // The network retries with a new signature; the very same signed call again is a replay, refused.
  const t = Math.floor(Date.now() / 1000)
  const raw = JSON.stringify(body)
  const replayed = await rt.request('POST', '/webhooks/epcs/status', {
    raw,
    headers: { 'apotheca-signature': signPayload(SECRET, raw, t - 30) },
  })
  assert.equal(replayed.status, 200)
  assert.equal(replayed.json.duplicate, true)
  const sameSignature = await rt.request('POST', '/webhooks/epcs/status', {
    raw,
    headers: { 'apotheca-signature': signPayload(SECRET, raw, t - 30) },
  })
  assert.equal(sameSignature.status, 409)
  assert.match(sameSignature.json.type, /webhook-replayed/)
  assert.equal((await historyOf(patient, id)).history.length, first.history.length)
  assert.equal((await outboxTypes(rt, id)).filter((t) => t === 'prescriptions.epcs.status_received.v1').length, 1)
})

test('the same signature re-sent in upper-case hex, with its parts reordered or with a space added is a replay: 409, nothing recorded again', async () => {
  const { id, patient } = await newPrescription()
  const raw = JSON.stringify({ message_id: `r-${randomUUID()}`, prescription_id: id, status: 'accepted' })
  const sig = signPayload(SECRET, raw)
  const [t, v1] = sig.split(',') as [string, string]
  const send = (signature: string) => rt.request('POST', '/webhooks/epcs/status', { raw, headers: { 'apotheca-signature': signature } })
  assert.equal((await send(sig)).status, 200)
  const history = (await historyOf(patient, id)).history.length
  for (const variant of [
    `${t},v1=${v1.slice(3).toUpperCase()}`,
    `${t},v1=${v1.slice(3, 35).toUpperCase()}${v1.slice(35)}`,
    `${v1},${t}`,
    `${t}, ${v1}`,
    ` ${t} ,${v1} `,
    `v1=${v1.slice(3).toUpperCase()} , ${t}`,
  ]) {
    const r = await send(variant)
    assert.equal(r.status, 409, variant)
    assert.equal(r.json.type, 'https://apotheca.dev/problems/webhook-replayed', variant)
  }
  assert.equal((await historyOf(patient, id)).history.length, history)
  assert.equal((await outboxTypes(rt, id)).filter((x) => x === 'prescriptions.epcs.status_received.v1').length, 1)
})

test('cancelled cancels a prescription in review; a second cancel is only noted', async () => {
  const { id, patient } = await newPrescription()
  const r = await hook({ message_id: `c-${randomUUID()}`, prescription_id: id, status: 'cancelled', reason: 'prescriber cancelled' })
  assert.equal(r.json.outcome, 'cancelled')
  assert.equal((await historyOf(patient, id)).status, 'cancelled')
  const again = await hook({ message_id: `c-${randomUUID()}`, prescription_id: id, status: 'cancelled' })
  assert.match(again.json.outcome, /cancel refused/)
  const verify = await rt.request('POST', `/prescriptions/${id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(verify.status, 409)
  // The problem's own status stays its HTTP status; the prescription's is a member of its own (it overwrote it).
  assert.deepEqual([verify.json.status, verify.json.prescription_status], [409, 'cancelled'])
})

test('a status about an unknown prescription is recorded and answered 202', async () => {
  const body = { message_id: `u-${randomUUID()}`, prescription_id: 'SURESCRIPTS-12345', status: 'error' }
  const r = await hook(body)
  assert.equal(r.status, 202)
  const m = await findEpcsMessage(rt.db, body.message_id)
  assert.equal(m?.known, false)
  assert.equal(m?.status, 'error')
})

test('a malformed body is a 400 problem', async () => {
  const r = await hook({ message_id: '', status: 'sent' })
  assert.equal(r.status, 400)
  assert.ok(r.json.errors.some((e: any) => e.field === 'body.prescription_id'))
  const raw = '{"message_id": '
  assert.equal(
    (await rt.request('POST', '/webhooks/epcs/status', { raw, headers: { 'apotheca-signature': signPayload(SECRET, raw) } })).status,
    400,
  )
})
