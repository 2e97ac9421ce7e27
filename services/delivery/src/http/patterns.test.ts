import { test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { REPORT_TIME, trimmedText } from './patterns.ts'

// The patterns are the document's statement of the server's rules: each must accept exactly what it says.
const reportTime = new RegExp(REPORT_TIME, 'u')
const iso = z.iso.datetime({ offset: true })

test('a report time is an RFC 3339 time of 2000–2099 with its offset, as zod reads one, and every one is a real instant', () => {
  const days = ['01', '28', '29', '30', '31']
  const months = ['01', '02', '04', '11', '12', '13']
  const years = ['1999', '2000', '2023', '2024', '2096', '2099', '2100', '0000']
  let accepted = 0
  for (const y of years)
    for (const m of months)
      for (const d of days)
        for (const rest of ['T00:00:00Z', 'T23:59:59.123456+05:30', 'T24:00:00Z', 'T12:00:00', 'T12:00:00-23:59', 't12:00:00z']) {
          const s = `${y}-${m}-${d}${rest}`
          const expected = iso.safeParse(s).success && /^20[0-9]{2}-/.test(s)
          assert.equal(reportTime.test(s), expected, s)
          if (expected) {
            accepted++
            assert.ok(!Number.isNaN(new Date(s).getTime()), s)
          }
        }
  assert.ok(accepted > 100)
  assert.ok(!reportTime.test('2026-01-0\u0661T00:00:00Z'), 'only ASCII digits')
})

test('trimmed text: 1 to max characters once trimmed, any blanks around, no NUL', () => {
  const five = new RegExp(trimmedText(5), 'u')
  for (const s of ['a', ' a ', 'abcde', '\u00a0abcde\t']) assert.ok(five.test(s), JSON.stringify(s))
  for (const s of ['', '  ', 'abcdef', 'a\u0000b']) assert.ok(!five.test(s), JSON.stringify(s))
})
