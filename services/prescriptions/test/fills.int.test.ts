import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { eventually, type TestRuntime } from '@apotheca/kernel/testing'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { internalToken, isoDay, outboxTypes, reviewed, startWithFakeCatalog } from './helpers.ts'

let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

async function verified(o: Record<string, unknown> = {}) {
  const patient = randomUUID()
  const r = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id }),
    body: {
      patient_id: patient,
      drug_id: DRUGS.amoxicillin.drug_id,
      dosage: 'one capsule three times daily',
      quantity: 30,
      refill_count: 1,
      days_supply: 10,
      issue_date: isoDay(),
      ...o,
    },
  })
  assert.equal(r.status, 201, JSON.stringify(r.json))
  await reviewed(rt, r.json.prescription_id)
  const v = await rt.request('POST', `/prescriptions/${r.json.prescription_id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(v.status, 200, JSON.stringify(v.json))
  return r.json.prescription_id as string
}

const fill = async (id: string, order = randomUUID(), quantity = 30) =>
  rt.request('POST', `/internal/prescriptions/${id}/fills`, { token: await internalToken(rt), body: { order_id: order, quantity } })
const backdateLastFill = (id: string, days: number) =>
  rt.db.query(`UPDATE prescriptions.prescriptions SET last_filled_on = $2 WHERE prescription_id = $1`, [id, isoDay(-days)])

test("original fill, then one refill after 75% of the days' supply; then none left and a renewal is requested once", async () => {
  const id = await verified()
  const order = randomUUID()
  const first = await fill(id, order)
  assert.equal(first.status, 201, JSON.stringify(first.json))
  assert.deepEqual([first.json.fill_number, first.json.refills_remaining, first.json.renewal_requested], [1, 1, false])
  const same = await fill(id, order)
  assert.equal(same.json.duplicate, true, 'once per order')
  const early = await fill(id)
  assert.equal(early.status, 409)
  assert.equal(early.json.type, 'https://apotheca.dev/problems/refill-too-early')
  assert.equal(early.json.earliest_refill, isoDay(8))
  await backdateLastFill(id, 8)
  const refill = await fill(id)
  assert.equal(refill.status, 201, JSON.stringify(refill.json))
  assert.deepEqual([refill.json.fill_number, refill.json.refills_remaining, refill.json.renewal_requested], [2, 0, true])
  await backdateLastFill(id, 30)
  const none = await fill(id)
  assert.equal(none.json.type, 'https://apotheca.dev/problems/no-refills-left')
  const types = await outboxTypes(rt, id)
  assert.equal(types.filter((t) => t === 'prescriptions.prescription.filled.v1').length, 2)
  assert.equal(types.filter((t) => t === 'prescriptions.prescription.renewal_requested.v1').length, 1)
  const internal = await rt.request('GET', `/internal/prescriptions/${id}`, { token: await internalToken(rt) })
  assert.equal(internal.json.refills_remaining, 0)
  assert.equal(internal.json.signature_valid, true, 'refills do not touch what was signed')
})

test("the prescriber's RxRenewalResponse to our renewal request renews the prescription", async () => {
  const id = await verified({ refill_count: 0 })
  const r = await fill(id)
  assert.equal(r.json.renewal_requested, true)
  const { rows } = await rt.db.query<{ payload: any }>(
    `SELECT payload FROM prescriptions.outbox WHERE aggregate_id = $1 AND type = 'prescriptions.prescription.renewal_requested.v1'`,
    [id],
  )
  const messageId = rows[0]!.payload.message_id
  const xml = readFileSync(new URL('../../../fixtures/ncpdp-script/cosyte-rxrenewal-response-denied.xml', import.meta.url), 'utf8')
    .replace(/<Denied>[\s\S]*<\/Denied>/, '<Approved/>')
    .replace('SYNTH-MSG-0204', `M-${randomUUID()}`)
    .replace('SYNTH-MSG-0201', messageId)
  const resp = await rt.request('POST', '/prescriptions/submit', {
    raw: xml,
    token: await rt.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id }),
    headers: { 'content-type': 'application/xml' },
  })
  assert.equal(resp.status, 200, JSON.stringify(resp.json))
  assert.equal(resp.json.outcome, 'renewed')
  assert.equal(resp.json.prescription_id, id)
  assert.equal(await reviewed(rt, resp.json.new_prescription_id), 'in_review')
})

test('an expired, unverified or tampered prescription is not filled; more than prescribed is a 422', async () => {
  const expired = await verified()
  await rt.db.query(`UPDATE prescriptions.prescriptions SET expiry_date = $2, issue_date = $3 WHERE prescription_id = $1`, [
    expired,
    isoDay(-1),
    isoDay(-20),
  ])
  assert.equal((await fill(expired)).status, 409, 'expired (and its signature no longer matches either)')
  const tampered = await verified()
  await rt.db.query(`UPDATE prescriptions.prescriptions SET refill_count = 5 WHERE prescription_id = $1`, [tampered])
  const t = await fill(tampered)
  assert.equal(t.status, 409)
  assert.equal(t.json.type, 'https://apotheca.dev/problems/not-dispensable')
  assert.equal((await fill(await verified(), randomUUID(), 31)).status, 422)
  assert.equal((await fill(randomUUID())).status, 404)
})

/** The event orders publishes when an order is cancelled (from fulfilling: dispensing had begun). */
const cancelled = (orderId: string) =>
  ({
    id: randomUUID(),
    type: 'orders.order.status_changed.v1',
    occurred_at: new Date().toISOString(),
    aggregate_id: orderId,
    version: 1,
    traceparent: null,
    payload: {
      order_id: orderId,
      patient_id: randomUUID(),
      from: 'fulfilling',
      order_status: 'cancelled',
      payment_status: 'refunded',
      reason: 'customer_request',
    },
  }) as any

test("a cancelled order's refill is given back; cancelling again, or another order, changes nothing", async () => {
  const id = await verified()
  await fill(id)
  await backdateLastFill(id, 8)
  const refillOrder = randomUUID()
  assert.equal((await fill(id, refillOrder)).json.refills_remaining, 0)
  const state = async () =>
    (await rt.request('GET', `/internal/prescriptions/${id}`, { token: await internalToken(rt) })).json.refills_remaining
  await rt.bus.publish([cancelled(randomUUID())])
  await rt.bus.publish([cancelled(refillOrder)])
  await eventually('the refill is given back', async () => (await state()) === 1)
  await rt.bus.publish([cancelled(refillOrder)])
  const types = await outboxTypes(rt, id)
  assert.equal(types.filter((t) => t === 'prescriptions.prescription.fill_reversed.v1').length, 1)
  const { rows } = await rt.db.query(`SELECT last_filled_on::text AS d FROM prescriptions.prescriptions WHERE prescription_id = $1`, [id])
  assert.equal(rows[0]!.d, isoDay(), 'the last fill that stands is the original, today: a refill would be too early again')
  await backdateLastFill(id, 8)
  const again = await fill(id)
  assert.equal(again.status, 201, JSON.stringify(again.json))
  assert.deepEqual([again.json.fill_number, again.json.refills_remaining], [3, 0], 'fill numbers keep rising; the refill is used again')
})
