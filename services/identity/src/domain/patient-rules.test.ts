import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkDateOfBirth, checkPhone, checkUsState, checkUsZip, normaliseAddress, normaliseUsZip } from './patient-rules.ts'

const TODAY = '2026-03-15'

test('a real date in the past is a date of birth', () => {
  assert.equal(checkDateOfBirth('1985-12-10', TODAY), null)
  assert.equal(checkDateOfBirth('2024-02-29', TODAY), null)
  assert.equal(checkDateOfBirth('2026-03-14', TODAY), null)
})

test('impossible dates, today, the future and the too distant past are refused', () => {
  assert.match(checkDateOfBirth('1985-02-30', TODAY)!, /real date/)
  assert.match(checkDateOfBirth('2023-02-29', TODAY)!, /real date/)
  assert.match(checkDateOfBirth('1985-13-01', TODAY)!, /real date/)
  assert.match(checkDateOfBirth('10/12/1985', TODAY)!, /YYYY-MM-DD/)
  assert.match(checkDateOfBirth(TODAY, TODAY)!, /past/)
  assert.match(checkDateOfBirth('2030-01-01', TODAY)!, /past/)
  assert.match(checkDateOfBirth('1896-03-14', TODAY)!, /130 years/)
  assert.equal(checkDateOfBirth('1896-03-15', TODAY), null)
})

test('phone numbers must be E.164', () => {
  assert.equal(checkPhone('+12125550123'), null)
  assert.equal(checkPhone('+447911123456'), null)
  for (const bad of ['2125550123', '+1 212 555 0123', '+02125550123', '+1234567890123456', '+12']) assert.ok(checkPhone(bad), bad)
})

test('US states are USPS codes and ZIP codes have 5 or 9 digits', () => {
  assert.equal(checkUsState('NY'), null)
  assert.equal(checkUsState('dc'), null)
  assert.ok(checkUsState('XX'))
  assert.ok(checkUsState('New York'))
  for (const ok of ['10118', '10118-0110', '101180110']) assert.equal(checkUsZip(ok), null, ok)
  for (const bad of ['1011', '10118-01', 'ABCDE', '10118 0110']) assert.ok(checkUsZip(bad), bad)
  assert.equal(normaliseUsZip('101180110'), '10118-0110')
  assert.equal(normaliseUsZip('10118'), '10118')
})

test('addresses are stored with upper-case codes; US ZIP+4 with its dash', () => {
  const a = { line1: '350 Fifth Avenue', city: 'New York', state: 'ny', postal_code: '101180110', country: 'us' }
  assert.deepEqual(normaliseAddress(a), { ...a, state: 'NY', postal_code: '10118-0110', country: 'US' })
  const uk = { line1: '221B Baker Street', city: 'London', state: 'Greater London', postal_code: 'NW1 6XE', country: 'gb' }
  assert.deepEqual(normaliseAddress(uk), { ...uk, country: 'GB' })
  assert.ok(checkUsState('ıd'), 'only ASCII letters name a state')
})
