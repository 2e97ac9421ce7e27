import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_TOTP_SECRET, checkTotp, guardsReplay, newTotpSecret, totpCode, totpUri } from './totp.ts'

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", codes cut to their last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

test('codes match the RFC 6238 test vectors', () => {
  assert.equal(totpCode(RFC_SECRET, 59_000), '287082')
  assert.equal(totpCode(RFC_SECRET, 1_111_111_109_000), '081804')
  assert.equal(totpCode(RFC_SECRET, 1_234_567_890_000), '005924')
})

test('a code is accepted one step either side, not two', () => {
  const now = 1_700_000_000_000
  const step = Math.floor(now / 30_000)
  assert.deepEqual(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now, null), { ok: true, step: step - 1 })
  assert.deepEqual(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now, null), { ok: true, step: step + 1 })
  assert.deepEqual(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now, null), { ok: false, reason: 'invalid' })
  const near = new Set([-30_000, 0, 30_000].map((d) => totpCode(RFC_SECRET, now + d)))
  const wrong = ['123456', '654321', '111111', '999999'].find((c) => !near.has(c))!
  assert.deepEqual(checkTotp(RFC_SECRET, wrong, now, null), { ok: false, reason: 'invalid' })
})

test('a code of a step already used is refused as a replay', () => {
  const now = 1_700_000_000_000
  const step = Math.floor(now / 30_000)
  assert.deepEqual(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now, step), { ok: false, reason: 'replayed' })
  assert.deepEqual(checkTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now, step - 1), { ok: true, step })
})

test('new secrets are 160 random bits and make a scannable URI', () => {
  const s = newTotpSecret()
  assert.match(s, /^[A-Z2-7]{32}$/)
  assert.notEqual(s, newTotpSecret())
  assert.match(totpUri(s, 'a@b.test'), /^otpauth:\/\/totp\/Apotheca:a%40b\.test\?.*secret=[A-Z2-7]{32}/)
})

test('replays are refused for every secret but the published demo one', () => {
  assert.equal(guardsReplay(newTotpSecret()), true)
  assert.equal(guardsReplay(RFC_SECRET), true)
  assert.equal(guardsReplay(DEMO_TOTP_SECRET), false)
})
