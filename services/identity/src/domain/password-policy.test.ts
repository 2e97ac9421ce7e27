import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkPassword } from './password-policy.ts'

test('a long, uncommon password is accepted', () => {
  assert.equal(checkPassword('Correct-Horse-Battery-9'), null)
})

test('short, very long, common and monotonous passwords are refused', () => {
  assert.match(checkPassword('Short-pw-1')!, /at least 12/)
  assert.match(checkPassword('x'.repeat(129))!, /at most 128/)
  assert.match(checkPassword('Password1234')!, /too common/)
  assert.match(checkPassword('123456789012')!, /too common/)
  assert.match(checkPassword('abababababababab')!, /too few/)
})

test('characters are code points: an emoji counts as one', () => {
  assert.equal(checkPassword('😀😁😂🤣'.repeat(30)), null, '120 characters, 240 UTF-16 units')
  assert.match(checkPassword('😀😁😂🤣'.repeat(2) + 'abc')!, /at least 12/)
})
