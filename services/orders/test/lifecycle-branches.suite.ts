import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import orders from '../src/module.ts'
import { signStripeStyle } from '../src/payments/stripe-webhooks.ts'
import { drug, envelope, fakePlatform, prescription } from './fakes.ts'

/**
 * The order's whole lifecycle with its branches, on one backend: PGlite with the in-process bus, or
 * PostgreSQL with Kafka (a prefix of its own). Orders is real; catalog, prescriptions and inventory
 * are the contract fakes of fakes.ts. Every id is fresh, so the shared PostgreSQL needs no cleanup.
 */
export function lifecycleBranches(backend: 'pglite' | 'postgres') {
  let rt: TestRuntime
  const fake = fakePlatform()
  before(async () => {
    const brokers = process.env.APOTHECA_TEST_KAFKA_BROKERS
    if (backend === 'postgres') assert.ok(brokers, 'APOTHECA_TEST_KAFKA_BROKERS must be set (scripts/services/kafka.sh start)')
    const prefix = `orders${Date.now().toString(36)}${randomUUID().slice(0, 4)}`
    rt = await startTestRuntime({
      modules: [orders, ...fake.modules],
      backend,
      ...(backend === 'postgres'
        ? {
            createBus: async (_c, log) =>
              new (await import('@apotheca/kernel/kafka')).KafkaBus({ brokers: brokers!.split(','), log, prefix }),
          }
        : {}),
    })
  })
  after(async () => {
    await rt?.close()
  })

  const admin = () => rt.token('admin')
  const pharmacist = () => rt.token('pharmacist', { mfa: true })
  const statusOf = async (id: string) => (await rt.request('GET', `/orders/${id}/status`, { token: await admin() })).json
  const until = (what: string, check: () => Promise<boolean>, ms = 30_000) => eventually(what, check, ms, 100)
  const statusIs = (id: string, order_status: string, payment_status?: string) => async () => {
    const s = await statusOf(id)
    return s.order_status === order_status && (!payment_status || s.payment_status === payment_status)
  }

  /** A patient with one line in the cart: OTC, or Rx with a prescription in the given status. */
  async function cart(o: { rx?: string; stock?: number } = {}) {
    const patientId = randomUUID()
    const token = await rt.token('patient', { sub: patientId })
    const d = drug({ rx_only: !!o.rx, price: { amount: 400, currency: 'USD' } })
    const rx = o.rx ? prescription(patientId, d.drug_id, { status: o.rx as any }) : null
    fake.drugs.set(d.drug_id, d)
    if (rx) fake.prescriptions.set(rx.prescription_id, rx)
    fake.stock.set(d.drug_id, o.stock ?? 100)
    const a = await rt.request('POST', '/cart/items', {
      token,
      body: { drug_id: d.drug_id, quantity: rx ? 20 : 5, ...(rx ? { prescription_id: rx.prescription_id } : {}) },
    })
    assert.equal(a.status, 201, JSON.stringify(a.json))
    return { patientId, token, d, rx }
  }
  const checkout = (token: string, payment_method = 'pm_card_visa', key = randomUUID()) =>
    rt.request('POST', '/cart/checkout', { token, body: { payment_method }, headers: { 'idempotency-key': key } })
  const decide = (rx: { prescription_id: string; patient_id: string }, to: string) => {
    fake.prescriptions.set(rx.prescription_id, { ...fake.prescriptions.get(rx.prescription_id)!, status: to as any })
    return envelope('prescriptions.prescription.status_changed.v1', rx.prescription_id, {
      prescription_id: rx.prescription_id,
      patient_id: rx.patient_id,
      from: 'in_review',
      to,
      reason: null,
      actor_id: null,
    })
  }
  const shipment = (o: { orderId: string; patientId: string }, id: string, from: string | null, to: string) =>
    from === null
      ? envelope('delivery.shipment.created.v1', id, {
          shipment_id: id,
          order_id: o.orderId,
          patient_id: o.patientId,
          carrier: 'local',
          tracking_number: 'APO1',
          driver_id: null,
          status: to,
          estimated_delivery_at: '2030-01-02T10:00:00Z',
        })
      : envelope('delivery.shipment.status_changed.v1', id, {
          shipment_id: id,
          order_id: o.orderId,
          patient_id: o.patientId,
          from,
          status: to,
          occurred_at: new Date().toISOString(),
        })

  test(`[${backend}] paid → fulfilling → shipped → delivered → refunded, each step in the history`, async () => {
    const c = await cart()
    const r = await checkout(c.token)
    assert.equal(r.status, 201, JSON.stringify(r.json))
    assert.deepEqual([r.json.order_status, r.json.payment_status], ['paid', 'captured'])
    const o = { orderId: r.json.order_id as string, patientId: c.patientId }
    assert.equal((await rt.request('POST', `/orders/${o.orderId}/fulfil`, { token: await pharmacist(), body: {} })).status, 202)
    const sid = randomUUID()
    await rt.bus.publish([shipment(o, sid, null, 'label_created')])
    await until('shipment recorded', async () => (await statusOf(o.orderId)).tracking_number === 'APO1')
    await rt.bus.publish([shipment(o, sid, 'assigned', 'in_transit')])
    await until('shipped', statusIs(o.orderId, 'shipped'))
    assert.equal(
      (await rt.request('POST', `/orders/${o.orderId}/cancel`, { token: c.token, body: {} })).status,
      409,
      'a shipped order cannot be cancelled',
    )
    await rt.bus.publish([shipment(o, sid, 'out_for_delivery', 'delivered')])
    await until('delivered', statusIs(o.orderId, 'delivered'))
    const refund = await rt.request('POST', `/orders/${o.orderId}/refund`, { token: await pharmacist(), body: { reason: 'returned' } })
    assert.deepEqual([refund.status, refund.json.order_status, refund.json.payment_status], [200, 'refunded', 'refunded'])
    const s = await statusOf(o.orderId)
    assert.deepEqual(
      s.history.map((h: any) => h.to),
      ['pending', 'paid', 'fulfilling', 'shipped', 'delivered', 'refunded'],
    )
    assert.equal(s.estimated_delivery_at, '2030-01-02T10:00:00.000Z')
    assert.ok(s.confirmation?.signature)
  })

  test(`[${backend}] the same key replays; another body with it is a 422`, async () => {
    const c = await cart()
    const key = randomUUID()
    const a = await checkout(c.token, 'pm_card_visa', key)
    const b = await checkout(c.token, 'pm_card_visa', key)
    assert.deepEqual([a.status, b.status, b.json.order_id], [201, 201, a.json.order_id])
    assert.equal((await checkout(c.token, 'pm_card_mastercard', key)).status, 422)
  })

  test(`[${backend}] declined → 402 and out of stock → 409: cancelled, nothing held or charged`, async () => {
    const c = await cart()
    const r = await checkout(c.token, 'pm_card_chargeDeclined')
    assert.equal(r.status, 402)
    assert.equal(fake.reservedOf(c.d.drug_id), 0)
    assert.deepEqual([(await statusOf(r.json.order_id)).order_status], ['cancelled'])
    const short = await cart({ stock: 1 })
    const s = await checkout(short.token)
    assert.equal(s.status, 409)
    assert.equal(fake.reservedOf(short.d.drug_id), 0)
  })

  test(`[${backend}] paid → cancelled: refunded and released`, async () => {
    const c = await cart()
    const r = await checkout(c.token)
    const x = await rt.request('POST', `/orders/${r.json.order_id}/cancel`, { token: c.token, body: {} })
    assert.deepEqual([x.status, x.json.payment_status], [200, 'refunded'])
    assert.equal(fake.reservedOf(c.d.drug_id), 0)
    assert.equal(
      (await rt.request('POST', `/orders/${r.json.order_id}/refund`, { token: await pharmacist(), body: {} })).status,
      409,
      'cancelled is final',
    )
  })

  test(`[${backend}] Rx under review: awaiting_verification, then verified → paid (captured)`, async () => {
    const c = await cart({ rx: 'in_review' })
    const r = await checkout(c.token)
    assert.deepEqual([r.status, r.json.order_status, r.json.payment_status], [201, 'awaiting_verification', 'authorized'])
    await rt.bus.publish([decide(c.rx!, 'verified')])
    await until('paid after verification', statusIs(r.json.order_id, 'paid', 'captured'))
  })

  test(`[${backend}] Rx under review, then rejected → cancelled, authorisation voided, stock released`, async () => {
    const c = await cart({ rx: 'in_review' })
    const r = await checkout(c.token)
    assert.equal(fake.reservedOf(c.d.drug_id), 20)
    await rt.bus.publish([decide(c.rx!, 'rejected')])
    await until('voided after rejection', statusIs(r.json.order_id, 'cancelled', 'voided'))
    assert.equal(fake.reservedOf(c.d.drug_id), 0)
  })

  test(`[${backend}] a payment webhook is applied once; its duplicate changes nothing`, async () => {
    const c = await cart()
    const r = await checkout(c.token)
    assert.equal(r.status, 201, JSON.stringify(r.json))
    const { rows } = await rt.db.query<{ payment_intent_id: string }>(`SELECT payment_intent_id FROM orders.orders WHERE order_id = $1`, [
      r.json.order_id,
    ])
    const e = JSON.stringify({
      id: `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      type: 'charge.refunded',
      created: 1,
      data: {
        object: {
          id: `ch_${randomUUID().replaceAll('-', '')}`,
          object: 'charge',
          payment_intent: rows[0]!.payment_intent_id,
          amount_captured: r.json.total_amount,
          amount_refunded: r.json.total_amount,
          refunded: true,
          metadata: { order_id: r.json.order_id },
        },
      },
    })
    // The provider signs each redelivery anew (another timestamp); the same signature again would be a replay.
    const now = Math.floor(Date.now() / 1000)
    const answers = await Promise.all(
      [now, now - 1].map((t) =>
        rt.request('POST', '/webhooks/payments', { raw: e, headers: { 'stripe-signature': signStripeStyle('whsec_demo_payments', e, t) } }),
      ),
    )
    assert.deepEqual(answers.map((a) => a.json.outcome).sort(), ['applied', 'duplicate'])
  })
}
