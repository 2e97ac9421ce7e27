import { test } from 'node:test'
import assert from 'node:assert/strict'
import { MAX_OTC_UNITS, checkLine, type PrescriptionFacts } from './cart-rules.ts'

const patient = 'p-1'
const otc = { drug_id: 'd-otc', rx_only: false, price: { amount: 499, currency: 'USD' } }
const rxDrug = { drug_id: 'd-rx', rx_only: true, price: { amount: 25, currency: 'USD' } }
const rx = (o: Partial<PrescriptionFacts> = {}): PrescriptionFacts => ({
  prescription_id: 'rx-1',
  patient_id: patient,
  drug_id: 'd-rx',
  status: 'verified',
  quantity: 30,
  expiry_date: '2030-01-01',
  ...o,
})
const today = '2026-06-01'
const line = (quantity: number, prescription_id: string | null = null) => ({ patient_id: patient, quantity, prescription_id })

test('an over-the-counter drug is sold without a prescription, up to the per-order limit', () => {
  assert.equal(checkLine(line(MAX_OTC_UNITS), otc, null, today), null)
  assert.equal(checkLine(line(MAX_OTC_UNITS + 1), otc, null, today)?.slug, 'quantity-limit-exceeded')
})

test('a prescription-only drug needs a prescription', () => {
  const v = checkLine(line(1), rxDrug, null, today)
  assert.equal(v?.status, 422)
  assert.equal(v?.slug, 'prescription-required')
})

test('a verified, unexpired prescription of this patient for this drug allows up to its quantity', () => {
  assert.equal(checkLine(line(30, 'rx-1'), rxDrug, rx(), today), null)
  assert.equal(checkLine(line(31, 'rx-1'), rxDrug, rx(), today)?.slug, 'quantity-exceeds-prescription')
})

test("someone else's prescription answers like a missing one", () => {
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ patient_id: 'p-2' }), today)?.status, 404)
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, null, today)?.status, 404)
})

test('a prescription for another drug, unverified or expired is refused with its own reason', () => {
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ drug_id: 'd-other' }), today)?.slug, 'prescription-drug-mismatch')
  // Under review may be bought (captured once verified); rejected or cancelled may not.
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ status: 'in_review' }), today), null)
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ status: 'rejected' }), today)?.slug, 'prescription-not-verified')
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ status: 'cancelled' }), today)?.slug, 'prescription-not-verified')
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ status: 'expired' }), today)?.slug, 'prescription-expired')
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ expiry_date: '2026-05-31' }), today)?.slug, 'prescription-expired')
  assert.equal(checkLine(line(1, 'rx-1'), rxDrug, rx({ expiry_date: today }), today), null)
})

test('a drug priced in another currency cannot be sold', () => {
  assert.equal(checkLine(line(1), { ...otc, price: { amount: 1, currency: 'EUR' } }, null, today)?.slug, 'currency-not-supported')
})
