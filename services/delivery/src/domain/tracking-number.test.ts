import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateTrackingNumber, isValidTrackingNumber, luhnCheckDigit } from './tracking-number.ts'

test('the Luhn check digit matches the textbook example', () => {
  assert.equal(luhnCheckDigit('7992739871'), 3)
})

test('generated numbers have the APO form and a valid check digit', () => {
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
  let i = 0
  const n = generateTrackingNumber(() => digits[i++]!)
  assert.match(n, /^APO\d{12}$/)
  assert.equal(n.slice(3, 14), '12345678901')
  assert.ok(isValidTrackingNumber(n))
  for (let k = 0; k < 50; k++) assert.ok(isValidTrackingNumber(generateTrackingNumber(() => Math.floor(Math.random() * 10))))
})

test('a mistyped digit or a swap of neighbours is caught', () => {
  const n = generateTrackingNumber(() => 3)
  const typo = n.slice(0, 5) + String((Number(n[5]) + 1) % 10) + n.slice(6)
  assert.equal(isValidTrackingNumber(typo), false)
  const m = 'APO' + '12345678901' + luhnCheckDigit('12345678901')
  const swapped = 'APO' + '21345678901' + m.slice(-1)
  assert.equal(isValidTrackingNumber(swapped), false)
  assert.equal(isValidTrackingNumber('APO123'), false)
})
