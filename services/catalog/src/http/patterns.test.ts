import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseNdc } from '@apotheca/contracts'
import { NDC_PATTERN, trimmedText } from './patterns.ts'

// The patterns are the document's statement of the server's rules: each must accept exactly what the code does.
const ndc = new RegExp(NDC_PATTERN, 'u')
const blanks = [' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff']

/** Strings of NDC-like pieces: digits, hyphens, labels, blanks, a stray letter. */
function* candidates(): Generator<string> {
  let seed = 7
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
  const pieces = ['0', '3', '9', '12', '0002', '00002', '0800', '080', '01', '1', '-', '--', 'ndc', 'NDC', 'Ndc:', '#', ':', 'x', ...blanks]
  for (let i = 0; i < 20000; i++) {
    let s = ''
    const n = 1 + rnd(7)
    for (let j = 0; j < n; j++) s += pieces[rnd(pieces.length)]
    yield s
  }
  for (const fixed of ['00002-0800-01', '0002-0800-01', '00002-800-01', '00002-0800-1', '00002-0800', '0002-0800', '00002-800']) yield fixed
  for (const digits of [8, 9, 10, 11, 12, 13]) yield '3'.padEnd(digits, '0')
  yield '300093226301'
}

test('the NDC pattern accepts exactly what parseNdc reads, 12-digit barcodes with any check digit included', () => {
  let accepted = 0
  for (const s of candidates()) {
    const parsed = parseNdc(s)
    const barcode = /^3[0-9]{11}$/.test(s.trim().replace(/^ndc[\s:#]*/i, ''))
    assert.equal(ndc.test(s), parsed.ok || barcode, JSON.stringify(s))
    if (parsed.ok) accepted++
  }
  assert.ok(accepted > 100, `${accepted} NDCs among the candidates`)
})

test('trimmed text: 1 to max characters once trimmed, any blanks around, no NUL', () => {
  const five = new RegExp(trimmedText(5), 'u')
  for (const s of ['a', ' a ', 'abcde', '\u00a0abcde\t', 'a b', 'a   e', 'ab\u0001'])
    assert.ok(five.test(s) && s.trim().length >= 1 && s.trim().length <= 5, JSON.stringify(s))
  for (const s of ['', ' ', '\t\n', 'abcdef', ' abcdef ', 'a\u0000b', '\u0000']) assert.ok(!five.test(s), JSON.stringify(s))
  assert.ok(new RegExp(trimmedText(1), 'u').test(' x '))
})
