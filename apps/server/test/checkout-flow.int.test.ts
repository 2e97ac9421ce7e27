import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventually, startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../src/modules.ts'

// Checkout against the real catalog, prescriptions and inventory in one process (demo catalog and
// stock loaded by seedDemo); tokens are minted by the test key (identity is not in the process).
let rt: TestRuntime
before(async () => {
  rt = await startTestRuntime({ modules: modulesFor(['catalog', 'prescriptions', 'inventory', 'orders']), env: { APOTHECA_DEMO: '1' } })
})
after(async () => {
  await rt?.close()
})

const today = () => new Date().toISOString().slice(0, 10)

const waitFor = eventually

/** A prescription-only, non-controlled drug from the demo catalog that the demo stock holds. */
async function stockedRxDrug(q = 'amoxicillin') {
  const r = await rt.request('GET', `/drugs/search?q=${encodeURIComponent(q)}&limit=50`, { token: await rt.token('admin') })
  assert.equal(r.status, 200, JSON.stringify(r.json))
  for (const d of r.json.results.filter((x: any) => x.rx_only && !x.dea_schedule)) {
    const s = await stock(d.drug_id)
    if (s.quantity_available >= 60) return d as { drug_id: string; price: { amount: number } }
  }
  throw new Error(`no stocked prescription-only ${q} in the demo data`)
}

async function stock(drugId: string) {
  const r = await rt.request('GET', `/inventory/${drugId}`, { token: await rt.token('pharmacist') })
  return r.status === 200 ? r.json : { quantity_available: 0, quantity_reserved: 0, quantity_on_hand: 0 }
}

/** A patient with a verified prescription for the drug and it in the cart. */
async function patientWithRxInCart(drugId: string, quantity = 30) {
  const patientId = randomUUID()
  const token = await rt.token('patient', { sub: patientId })
  const sub = await rt.request('POST', '/prescriptions/submit', {
    token: await rt.token('practitioner'),
    body: { patient_id: patientId, drug_id: drugId, dosage: '500 mg three times daily', quantity, refill_count: 0, issue_date: today() },
  })
  assert.equal(sub.status, 201, JSON.stringify(sub.json))
  const v = await rt.request('POST', `/prescriptions/${sub.json.prescription_id}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'approve' },
  })
  assert.equal(v.status, 200, JSON.stringify(v.json))
  const add = await rt.request('POST', '/cart/items', {
    token,
    body: { drug_id: drugId, quantity, prescription_id: sub.json.prescription_id },
  })
  assert.equal(add.status, 201, JSON.stringify(add.json))
  return { patientId, token, prescriptionId: sub.json.prescription_id as string }
}

const checkout = (token: string, key: string, payment_method = 'pm_card_visa') =>
  rt.request('POST', '/cart/checkout', { token, headers: { 'idempotency-key': key }, body: { payment_method } })

test('checkout with pm_card_visa: 201 paid and captured, stock held; same key → same order; another body → 422', async () => {
  const drug = await stockedRxDrug()
  const before = await stock(drug.drug_id)
  const p = await patientWithRxInCart(drug.drug_id)
  const key = randomUUID()
  const r = await checkout(p.token, key)
  assert.equal(r.status, 201, JSON.stringify(r.json))
  assert.equal(r.json.order_status, 'paid')
  assert.equal(r.json.payment_status, 'captured')
  assert.ok(Number.isInteger(r.json.total_amount) && r.json.total_amount >= drug.price.amount * 30)
  assert.equal((await stock(drug.drug_id)).quantity_reserved, before.quantity_reserved + 30)
  const again = await checkout(p.token, key)
  assert.equal(again.status, 201)
  assert.equal(again.json.order_id, r.json.order_id)
  const other = await checkout(p.token, key, 'pm_card_mastercard')
  assert.equal(other.status, 422)
  assert.equal((await stock(drug.drug_id)).quantity_reserved, before.quantity_reserved + 30, 'replays reserve nothing more')
})

test('a declined card is a 402 and inventory holds nothing for the order', async () => {
  const drug = await stockedRxDrug()
  const before = await stock(drug.drug_id)
  const p = await patientWithRxInCart(drug.drug_id)
  const r = await checkout(p.token, randomUUID(), 'pm_card_chargeDeclined')
  assert.equal(r.status, 402, JSON.stringify(r.json))
  assert.match(r.json.type, /payment-declined/)
  assert.equal((await stock(drug.drug_id)).quantity_reserved, before.quantity_reserved)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })
  assert.deepEqual([s.json.order_status, s.json.payment_status], ['cancelled', 'failed'])
})

test('more than the stock is a 409: nothing reserved, nothing charged', async () => {
  const drug = await stockedRxDrug()
  const before = await stock(drug.drug_id)
  const p = await patientWithRxInCart(drug.drug_id, before.quantity_available + 5)
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 409, JSON.stringify(r.json))
  assert.match(r.json.type, /out-of-stock/)
  assert.equal((await stock(drug.drug_id)).quantity_reserved, before.quantity_reserved)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })
  assert.deepEqual([s.json.order_status, s.json.payment_status], ['cancelled', 'pending'])
})

test('cancelling a paid order releases its stock and refunds the payment', async () => {
  const drug = await stockedRxDrug()
  const before = await stock(drug.drug_id)
  const p = await patientWithRxInCart(drug.drug_id)
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 201, JSON.stringify(r.json))
  const c = await rt.request('POST', `/orders/${r.json.order_id}/cancel`, { token: p.token, body: {} })
  assert.equal(c.status, 200, JSON.stringify(c.json))
  assert.deepEqual([c.json.order_status, c.json.payment_status], ['cancelled', 'refunded'])
  assert.equal((await stock(drug.drug_id)).quantity_reserved, before.quantity_reserved)
})

test('a pharmacist fulfils a paid order: inventory dispenses it first-expiry-first', async () => {
  const drug = await stockedRxDrug()
  const p = await patientWithRxInCart(drug.drug_id)
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 201, JSON.stringify(r.json))
  const before = await stock(drug.drug_id)
  const f = await rt.request('POST', `/orders/${r.json.order_id}/fulfil`, { token: await rt.token('pharmacist', { mfa: true }), body: {} })
  assert.equal(f.status, 202, JSON.stringify(f.json))
  await waitFor('stock dispensed', async () => (await stock(drug.drug_id)).quantity_on_hand === before.quantity_on_hand - 30)
  const s = await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })
  assert.equal(s.json.order_status, 'fulfilling')
  await waitFor(
    'order learns the reservation was committed',
    async () =>
      (
        await rt.db.query<{ reservation_status: string }>(`SELECT reservation_status FROM orders.orders WHERE order_id = $1`, [
          r.json.order_id,
        ])
      ).rows[0]?.reservation_status === 'committed',
  )
  const fills = await rt.db.query(`SELECT fill_number, quantity FROM prescriptions.fills WHERE prescription_id = $1 AND order_id = $2`, [
    p.prescriptionId,
    r.json.order_id,
  ])
  assert.deepEqual(fills.rows, [{ fill_number: 1, quantity: 30 }], 'dispensing recorded the fill against the prescription')
})

test('a prescription changed after verification is refused at dispensing: 409, nothing dispensed, no fill', async () => {
  const drug = await stockedRxDrug()
  const p = await patientWithRxInCart(drug.drug_id)
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 201, JSON.stringify(r.json))
  await rt.db.exec(`UPDATE prescriptions.prescriptions SET quantity = 90 WHERE prescription_id = '${p.prescriptionId}'`)
  const before = await stock(drug.drug_id)
  const f = await rt.request('POST', `/orders/${r.json.order_id}/fulfil`, { token: await rt.token('pharmacist', { mfa: true }), body: {} })
  assert.equal(f.status, 409, JSON.stringify(f.json))
  assert.match(f.json.type, /prescription-not-dispensable$/)
  assert.equal((await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })).json.order_status, 'paid')
  assert.equal((await stock(drug.drug_id)).quantity_on_hand, before.quantity_on_hand)
  assert.equal((await rt.db.query(`SELECT 1 FROM prescriptions.fills WHERE prescription_id = $1`, [p.prescriptionId])).rows.length, 0)
})

test('an order cancelled after dispensing began gives the fill back: the prescription can be filled again', async () => {
  const drug = await stockedRxDrug()
  const p = await patientWithRxInCart(drug.drug_id)
  const first = await checkout(p.token, randomUUID())
  assert.equal(first.status, 201, JSON.stringify(first.json))
  const pharmacist = await rt.token('pharmacist', { mfa: true })
  assert.equal((await rt.request('POST', `/orders/${first.json.order_id}/fulfil`, { token: pharmacist, body: {} })).status, 202)
  const fills = () =>
    rt.db.query<{ order_id: string; fill_number: number; reversed: boolean }>(
      `SELECT order_id, fill_number, reversed_at IS NOT NULL AS reversed FROM prescriptions.fills WHERE prescription_id = $1 ORDER BY fill_number`,
      [p.prescriptionId],
    )
  const c = await rt.request('POST', `/orders/${first.json.order_id}/cancel`, { token: pharmacist, body: {} })
  assert.equal(c.status, 200, JSON.stringify(c.json))
  await waitFor('the fill is reversed', async () => (await fills()).rows[0]?.reversed === true)
  const state = await rt.db.query(`SELECT fills_count, refills_remaining FROM prescriptions.prescriptions WHERE prescription_id = $1`, [
    p.prescriptionId,
  ])
  assert.deepEqual(state.rows[0], { fills_count: 0, refills_remaining: 0 })

  const add = await rt.request('POST', '/cart/items', {
    token: p.token,
    body: { drug_id: drug.drug_id, quantity: 30, prescription_id: p.prescriptionId },
  })
  assert.equal(add.status, 201, JSON.stringify(add.json))
  const second = await checkout(p.token, randomUUID())
  assert.equal(second.status, 201, JSON.stringify(second.json))
  assert.equal(
    (await rt.request('POST', `/orders/${second.json.order_id}/fulfil`, { token: pharmacist, body: {} })).status,
    202,
    'the original fill is available again',
  )
  assert.deepEqual((await fills()).rows, [
    { order_id: first.json.order_id, fill_number: 1, reversed: true },
    { order_id: second.json.order_id, fill_number: 2, reversed: false },
  ])
})

test('when stock can no longer supply a fulfilment, the saga cancels and refunds the order and gives the fill back', async () => {
  const drug = await stockedRxDrug()
  const p = await patientWithRxInCart(drug.drug_id)
  const r = await checkout(p.token, randomUUID())
  assert.equal(r.status, 201, JSON.stringify(r.json))
  const blocked = await rt.db.query<{ batch_id: string }>(
    `UPDATE inventory.batches SET status = 'quarantined' WHERE drug_id = $1 AND status = 'available' RETURNING batch_id`,
    [drug.drug_id],
  )
  try {
    const f = await rt.request('POST', `/orders/${r.json.order_id}/fulfil`, {
      token: await rt.token('pharmacist', { mfa: true }),
      body: {},
    })
    assert.equal(f.status, 202, JSON.stringify(f.json))
    await waitFor('the order is cancelled and refunded', async () => {
      const s = (await rt.request('GET', `/orders/${r.json.order_id}/status`, { token: p.token })).json
      return s.order_status === 'cancelled' && s.payment_status === 'refunded'
    })
    await waitFor(
      'the fill is given back',
      async () =>
        (await rt.db.query(`SELECT 1 FROM prescriptions.fills WHERE prescription_id = $1 AND reversed_at IS NOT NULL`, [p.prescriptionId]))
          .rows.length === 1,
    )
    const held = await rt.db.query(`SELECT status, release_reason FROM inventory.reservations WHERE order_id = $1`, [r.json.order_id])
    assert.deepEqual(held.rows, [{ status: 'released', release_reason: 'unsuppliable' }])
  } finally {
    await rt.db.query(`UPDATE inventory.batches SET status = 'available' WHERE batch_id = ANY($1::uuid[])`, [
      blocked.rows.map((b) => b.batch_id),
    ])
  }
})
