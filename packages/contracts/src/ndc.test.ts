import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatNdc11, parseNdc, toNdc11 } from './ndc.ts'

const packages = (input: string) => {
  const r = parseNdc(input)
  assert.ok(r.ok, `${input} should parse`)
  assert.equal(r.query.kind, 'package')
  return r.query.codes
}
const products = (input: string) => {
  const r = parseNdc(input)
  assert.ok(r.ok, `${input} should parse`)
  assert.equal(r.query.kind, 'product')
  return r.query.codes
}

test('the stored 11-digit 5-4-2 form is taken as it is', () => {
  assert.deepEqual(packages('00002-0800-01'), ['00002-0800-01'])
})

test('11 plain digits split 5-4-2', () => {
  assert.deepEqual(packages('00002080001'), ['00002-0800-01'])
})

test('each hyphenated 10-digit layout pads the short segment with a leading zero', () => {
  assert.deepEqual(packages('0002-0800-01'), ['00002-0800-01']) // 4-4-2
  assert.deepEqual(packages('50090-347-01'), ['50090-0347-01']) // 5-3-2
  assert.deepEqual(packages('00093-2263-1'), ['00093-2263-01']) // 5-4-1
})

test('a plain 10-digit code is ambiguous: all three paddings are candidates', () => {
  assert.deepEqual(packages('0002080001'), ['00002-0800-01', '00020-0800-01', '00020-8000-01'])
  assert.deepEqual(packages('1234567890'), ['01234-5678-90', '12345-0678-90', '12345-6789-00'])
})

test('two paddings that give the same code are listed once', () => {
  assert.deepEqual(packages('0000000000'), ['00000-0000-00'])
})

test('surrounding spaces and an NDC label are ignored', () => {
  assert.deepEqual(packages('  NDC 0002-0800-01 '), ['00002-0800-01'])
  assert.deepEqual(packages('ndc:00002080001'), ['00002-0800-01'])
})

test('a UPC-A package barcode (3 + 10-digit NDC + check digit) reads as the 10-digit NDC', () => {
  // 3 0002 0800 01 with its check digit: odd positions ×3.
  const body = '30002080001'
  const sum = [...body].map(Number).reduce((s, n, i) => s + n * (i % 2 === 0 ? 3 : 1), 0)
  const upc = body + String((10 - (sum % 10)) % 10)
  assert.ok(packages(upc).includes('00002-0800-01'))
  const wrongCheck = body + String((((10 - (sum % 10)) % 10) + 1) % 10)
  assert.equal(parseNdc(wrongCheck).ok, false)
  assert.equal(parseNdc('412345678905').ok, false) // not number system 3
})

test('a labeler-product code finds a product, in every layout', () => {
  assert.deepEqual(products('00002-0800'), ['00002-0800'])
  assert.deepEqual(products('0002-0800'), ['00002-0800'])
  assert.deepEqual(products('50090-347'), ['50090-0347'])
  assert.deepEqual(products('000020800'), ['00002-0800'])
  assert.deepEqual(products('00020800'), ['00002-0800', '00020-0800'])
})

test('impossible codes are refused with a reason', () => {
  for (const bad of [
    '',
    '   ',
    'abc',
    '0002-0800-01x',
    '123',
    '1234567',
    '123456789012345',
    '000020-800-01',
    '0002--0800-01',
    '-0002-0800-01',
    '0002-0800-',
    '1-2-3',
    '00002-0800-01-1',
    '00002 0800 01',
    '0002_0800_01',
    '１２３４５６７８９０',
  ]) {
    const r = parseNdc(bad)
    assert.equal(r.ok, false, `${JSON.stringify(bad)} should be refused`)
    if (!r.ok) assert.ok(r.reason.length > 10)
  }
})

test('formatNdc11 pads every segment to 5-4-2', () => {
  assert.equal(formatNdc11('2', '800', '1'), '00002-0800-01')
  assert.equal(formatNdc11('00002', '0800', '01'), '00002-0800-01')
})

test('toNdc11: every hyphenated 10-digit form pads to 5-4-2', () => {
  assert.equal(toNdc11('0069-2587-10'), '00069-2587-10')
  assert.equal(toNdc11('76388-713-25'), '76388-0713-25')
  assert.equal(toNdc11('50580-506-02'), '50580-0506-02')
  assert.equal(toNdc11('12345-6789-1'), '12345-6789-01')
})

test('toNdc11: eleven plain digits are split, 5-4-2 stays as it is', () => {
  assert.equal(toNdc11('00093310501'), '00093-3105-01')
  assert.equal(toNdc11('00093-3105-01'), '00093-3105-01')
})

test('toNdc11: an ambiguous or unknown form is passed on unchanged', () => {
  assert.equal(toNdc11('0093310501'), '0093310501')
  assert.equal(toNdc11('50580-506-2'), '50580-506-2')
  assert.equal(toNdc11(' abc '), 'abc')
})
