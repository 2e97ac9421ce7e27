import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toNdc11 } from './ndc.ts'

test('every hyphenated 10-digit form pads to 5-4-2', () => {
  assert.equal(toNdc11('0069-2587-10'), '00069-2587-10')
  assert.equal(toNdc11('76388-713-25'), '76388-0713-25')
  assert.equal(toNdc11('50580-506-02'), '50580-0506-02')
  assert.equal(toNdc11('12345-6789-1'), '12345-6789-01')
})

test('eleven plain digits are split, 5-4-2 stays as it is', () => {
  assert.equal(toNdc11('00093310501'), '00093-3105-01')
  assert.equal(toNdc11('00093-3105-01'), '00093-3105-01')
})

test('an ambiguous or unknown form is passed on unchanged', () => {
  assert.equal(toNdc11('0093310501'), '0093310501')
  assert.equal(toNdc11('50580-506-2'), '50580-506-2')
  assert.equal(toNdc11(' abc '), 'abc')
})
