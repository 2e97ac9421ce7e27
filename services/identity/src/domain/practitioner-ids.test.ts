import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isValidDea, isValidNpi, luhnValid } from './practitioner-ids.ts'

test('an NPI carries a Luhn check digit over 80840 and its first nine digits', () => {
  assert.equal(isValidNpi('1234567893'), true) // the CMS worked example
  assert.equal(isValidNpi('1234567890'), false)
  assert.equal(isValidNpi('123456789'), false)
  assert.equal(isValidNpi('12345678931'), false)
  assert.equal(isValidNpi('12345678a3'), false)
})

test('the Luhn check catches a changed digit and a swap of neighbours', () => {
  assert.equal(luhnValid('79927398713'), true)
  assert.equal(luhnValid('79927398710'), false)
  assert.equal(luhnValid('79927938713'), false)
})

test('a DEA number has a registrant letter, a letter, six digits and their check digit', () => {
  assert.equal(isValidDea('BH1234563'), true) // (1+3+5) + 2*(2+4+6) = 33 → 3
  assert.equal(isValidDea('AB1234563'), true)
  assert.equal(isValidDea('M91234563'), true)
  assert.equal(isValidDea('BH1234564'), false)
  assert.equal(isValidDea('ZH1234563'), false)
  assert.equal(isValidDea('bh1234563'), false)
  assert.equal(isValidDea('BH123456'), false)
})
