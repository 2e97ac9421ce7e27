import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { findNcpdpMessage } from '../src/db/ncpdp-message.repository.ts'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, reviewed, startWithFakeCatalog } from './helpers.ts'

// Every NCPDP SCRIPT sample of the repository's fixtures/, and CancelRx / RxRenewalResponse / RxChangeResponse matched to our prescriptions.
const DIR = new URL('../../../fixtures/ncpdp-script/', import.meta.url)
const sample = (f: string) => readFileSync(new URL(f, DIR), 'utf8')
let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const post = async (xml: string) =>
  rt.request('POST', '/prescriptions/submit', {
    raw: xml,
    token: await rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id }),
    headers: { 'content-type': 'application/xml' },
  })

/** What each sample gets: 201 a prescription, 202 kept for a pharmacist (not ours to match), 422 not a message we take in, 400 malformed. */
const EXPECTED: Record<string, number> = {
  'cosyte-newrx-basic.xml': 201,
  'cosyte-newrx-coded-and-strength.xml': 201,
  'cosyte-newrx-edge-empties.xml': 201,
  'cosyte-newrx-sig-disagreement.xml': 201,
  'cosyte-newrx-sig-text-only.xml': 201,
  'cosyte-newrx-structured-sig.xml': 201,
  'cosyte-surescripts-routing.xml': 201,
  'cosyte-surescripts-version-2023011.xml': 201,
  'ncpdp-v2013071-NewRxForXSLTExample.xml': 201,
  'cosyte-cancelrx-request.xml': 202,
  'cosyte-rxrenewal-response-approved-with-changes.xml': 202,
  'cosyte-rxrenewal-response-denied.xml': 202,
  'cosyte-rxrenewal-response-ambiguous.xml': 202,
  'cosyte-rxchange-response-denied.xml': 202,
  'cosyte-cancelrx-response-approved.xml': 422,
  'cosyte-cancelrx-response-denied.xml': 422,
  'cosyte-rxrenewal-request.xml': 422,
  'cosyte-rxchange-request.xml': 422,
  'cosyte-status-response.xml': 422,
  'cosyte-verify-response.xml': 422,
  'cosyte-unsupported-transaction.xml': 422,
  'cosyte-legacy-version.xml': 400,
}

test('the expectations cover every NCPDP sample file', () => {
  assert.deepEqual(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.xml'))
      .sort(),
    Object.keys(EXPECTED).sort(),
  )
})

for (const [file, status] of Object.entries(EXPECTED)) {
  test(`sample ${file} → ${status}`, async () => {
    const r = await post(sample(file))
    assert.equal(r.status, status, JSON.stringify(r.json))
    if (status === 201) {
      assert.equal(r.json.status, 'received')
      assert.ok(['in_review', 'rejected'].includes(await reviewed(rt, r.json.prescription_id)))
    }
    if (status === 202) {
      assert.equal(r.json.needs_review, true)
      const m = await findNcpdpMessage(rt.db, r.json.message_id)
      assert.equal(m?.needs_review, true, 'kept for a pharmacist')
      const again = await post(sample(file))
      assert.equal(again.json.duplicate, true, 'once per MessageID')
    }
    if (status >= 400) assert.match(String(r.headers['content-type']), /application\/problem\+json/)
  })
}

/** A NewRx of ours for amoxicillin, written today, for a patient; returns its message id and prescription. */
async function newRx() {
  const id = `N-${randomUUID()}`
  const order = `O-${randomUUID()}`
  const xml = sample('cosyte-newrx-basic.xml')
    .replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>${id}</MessageID>`)
    .replace(/SYNTH-ORDER-0001/g, order)
    .replace(/<Date>2026-01-15<\/Date>/, `<Date>${isoDay()}</Date>`)
    .replace(
      '<HumanPatient>',
      `<HumanPatient><Identification><PatientAccountNumber>${randomUUID()}</PatientAccountNumber></Identification>`,
    )
  const r = await post(xml)
  assert.equal(r.status, 201, JSON.stringify(r.json))
  await reviewed(rt, r.json.prescription_id)
  return { messageId: id, order, rxId: r.json.prescription_id as string }
}

const respond = (file: string, relatesTo: string, edit = (s: string) => s) =>
  edit(
    sample(file)
      .replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>M-${randomUUID()}</MessageID>`)
      .replace(/<RelatesToMessageID>[^<]*<\/RelatesToMessageID>/, `<RelatesToMessageID>${relatesTo}</RelatesToMessageID>`),
  )

async function statusOf(id: string) {
  const { rows } = await rt.db.query<{ status: string }>(`SELECT status FROM prescriptions.prescriptions WHERE prescription_id = $1`, [id])
  return rows[0]?.status
}

test('CancelRx cancels the prescription it relates to; again for the same prescription is refused and noted', async () => {
  const { messageId, rxId } = await newRx()
  const cancel = (s: string) =>
    s
      .replace('<SentTime>', `<RelatesToMessageID>${messageId}</RelatesToMessageID><SentTime>`)
      .replace(/SYNTH-MSG-0401/, `C-${randomUUID()}`)
  const r = await post(cancel(sample('cosyte-cancelrx-request.xml')))
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.outcome, 'cancelled')
  assert.equal(await statusOf(rxId), 'cancelled')
  const again = await post(cancel(sample('cosyte-cancelrx-request.xml')))
  assert.match(again.json.outcome, /cancel refused/)
})

test('CancelRx without references is matched by prescriber NPI and NDC when exactly one open prescription fits', async () => {
  const ndc = `9${String(Date.now()).slice(-10)}`
  const mk = async () => {
    const { rxId } = await newRx()
    await rt.db.query(`UPDATE prescriptions.prescriptions SET source_ndc = $2 WHERE prescription_id = $1`, [rxId, ndc])
    return rxId
  }
  const one = await mk()
  const xml = () =>
    sample('cosyte-cancelrx-request.xml')
      .replace(/SYNTH-MSG-0401/, `C-${randomUUID()}`)
      .replace('00000000001', ndc)
  const r = await post(xml())
  assert.equal(r.json.outcome, 'cancelled')
  assert.equal(await statusOf(one), 'cancelled')
  await mk()
  await mk()
  const two = await post(xml())
  assert.equal(two.status, 202)
  assert.match(two.json.outcome, /ambiguous/)
})

test('RxRenewalResponse: approved with changes makes a new prescription (reviewed as any other); denied is noted; ambiguous waits', async () => {
  const { messageId, rxId } = await newRx()
  const renewed = await post(
    respond('cosyte-rxrenewal-response-approved-with-changes.xml', messageId, (s) =>
      s.replace('00000000002', DRUGS.amoxicillin.ndc_code.replace(/-/g, '')),
    ),
  )
  assert.equal(renewed.status, 200, JSON.stringify(renewed.json))
  assert.equal(renewed.json.outcome, 'renewed')
  const next = renewed.json.new_prescription_id
  assert.equal(await reviewed(rt, next), 'in_review')
  const { rows } = await rt.db.query(
    `SELECT quantity, refill_count, days_supply, drug_id, patient_id FROM prescriptions.prescriptions WHERE prescription_id = $1`,
    [next],
  )
  assert.deepEqual(
    { ...rows[0] },
    {
      quantity: 30,
      refill_count: 3,
      days_supply: 30,
      drug_id: DRUGS.amoxicillin.drug_id,
      patient_id: (await rt.db.query(`SELECT patient_id FROM prescriptions.prescriptions WHERE prescription_id = $1`, [rxId])).rows[0]!
        .patient_id,
    },
  )
  const denied = await post(respond('cosyte-rxrenewal-response-denied.xml', messageId))
  assert.equal(denied.json.outcome, 'denied')
  const h = await rt.db.query<{ reason: string }>(
    `SELECT reason FROM prescriptions.status_history WHERE prescription_id = $1 ORDER BY id DESC LIMIT 1`,
    [rxId],
  )
  assert.match(h.rows[0]!.reason, /denied \(AT\)/)
  const ambiguous = await post(respond('cosyte-rxrenewal-response-ambiguous.xml', messageId))
  assert.equal(ambiguous.status, 202)
  assert.equal(ambiguous.json.prescription_id, rxId)
})

test('RxChangeResponse: an approved change replaces the prescription (old cancelled); a denied one is noted', async () => {
  const { messageId, rxId } = await newRx()
  const approved = (s: string) => s.replace(/<Denied>[\s\S]*<\/Denied>/, '<Approved><Note>ok</Note></Approved>')
  const r = await post(respond('cosyte-rxchange-response-denied.xml', messageId, approved))
  assert.equal(r.status, 200, JSON.stringify(r.json))
  assert.equal(r.json.outcome, 'changed')
  assert.equal(await statusOf(rxId), 'cancelled')
  assert.equal(await reviewed(rt, r.json.new_prescription_id), 'in_review')
  const other = await newRx()
  const d = await post(respond('cosyte-rxchange-response-denied.xml', other.messageId))
  assert.equal(d.json.outcome, 'denied')
  assert.equal(await statusOf(other.rxId), 'in_review')
})
