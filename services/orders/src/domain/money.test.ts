import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FREE_SHIPPING_FROM, SHIPPING_FEE, lineTotal, orderTotals, subtotalOf } from './money.ts'

test('a line costs the package price times the quantity, in cents', () => {
  assert.equal(lineTotal(1299, 3), 3897)
  assert.equal(lineTotal(0, 5), 0)
})

test('amounts must be whole cents and quantities positive integers', () => {
  assert.throws(() => lineTotal(12.5, 1), RangeError)
  assert.throws(() => lineTotal(-1, 1), RangeError)
  assert.throws(() => lineTotal(100, 0), RangeError)
  assert.throws(() => lineTotal(100, 1.5), RangeError)
  assert.throws(() => lineTotal(Number.MAX_SAFE_INTEGER, 2), RangeError)
})

test('the subtotal sums the lines without floating point drift', () => {
  const lines = Array.from({ length: 10 }, () => ({ unit_price: 10, quantity: 1 }))
  assert.equal(subtotalOf(lines), 100)
  assert.equal(
    subtotalOf([
      { unit_price: 333, quantity: 3 },
      { unit_price: 1, quantity: 1 },
    ]),
    1000,
  )
})

test('shipping is charged below the free-shipping threshold; the total adds up', () => {
  const small = orderTotals([{ unit_price: 1000, quantity: 1 }])
  assert.deepEqual(small, { subtotal: 1000, shipping: SHIPPING_FEE, tax: 0, total_amount: 1000 + SHIPPING_FEE })
  const big = orderTotals([{ unit_price: FREE_SHIPPING_FROM, quantity: 1 }])
  assert.deepEqual(big, { subtotal: FREE_SHIPPING_FROM, shipping: 0, tax: 0, total_amount: FREE_SHIPPING_FROM })
  for (const t of [small, big]) {
    assert.ok(Number.isInteger(t.total_amount))
    assert.equal(t.total_amount, t.subtotal + t.shipping + t.tax)
  }
})
