import { test } from 'node:test'
import assert from 'node:assert/strict'
import { usZip5 } from './postal-code.ts'

test('US ZIPs and ZIP+4 give the 5-digit ZIP', () => {
  assert.equal(usZip5('10001', 'US'), '10001')
  assert.equal(usZip5(' 02139-4307 ', 'usa'), '02139')
  assert.equal(usZip5('021394307', 'United States'), '02139')
})

test('other countries and malformed codes give null', () => {
  assert.equal(usZip5('10001', 'CA'), null)
  assert.equal(usZip5('SW1A 1AA', 'GB'), null)
  assert.equal(usZip5('1000', 'US'), null)
  assert.equal(usZip5('ABCDE', 'US'), null)
})
