import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { createPhiVault } from './phi-vault.ts'

const vault = createPhiVault(randomBytes(32))

test('a sealed value opens with its account DEK, for its account and field only', () => {
  const a = randomUUID()
  const { dek, wrapped } = vault.newAccountKey(a)
  const sealed = vault.sealJson(dek, a, 'contact', { name: 'Ada Lovelace' })
  assert.doesNotMatch(sealed, /Ada/)
  assert.deepEqual(vault.openJson(vault.unwrap(a, wrapped), a, 'contact', sealed), { name: 'Ada Lovelace' })
  assert.throws(() => vault.openJson(dek, a, 'profile', sealed))
  assert.throws(() => vault.openJson(dek, randomUUID(), 'contact', sealed))
  assert.throws(() => vault.unwrap(randomUUID(), wrapped), 'a wrapped DEK is bound to its account')
  assert.throws(() => vault.openJson(vault.newAccountKey(a).dek, a, 'contact', sealed), 'another DEK opens nothing')
})

test('another master key unwraps nothing', () => {
  const a = randomUUID()
  const { wrapped } = vault.newAccountKey(a)
  assert.throws(() => createPhiVault(randomBytes(32)).unwrap(a, wrapped))
})

test('the e-mail blind index ignores case and blanks, and depends on the master key', () => {
  assert.equal(vault.emailIndex('Ada@Example.test '), vault.emailIndex('ada@example.test'))
  assert.notEqual(vault.emailIndex('ada@example.test'), createPhiVault(randomBytes(32)).emailIndex('ada@example.test'))
  assert.match(vault.emailIndex('ada@example.test'), /^[0-9a-f]{64}$/)
})

test('while rotating, a DEK wrapped under the previous master key opens, and re-wraps under the new one', () => {
  const [k1, k2] = [randomBytes(32), randomBytes(32)]
  const a = randomUUID()
  const { dek, wrapped } = createPhiVault(k1).newAccountKey(a)
  const rotating = createPhiVault(k2, { previous: k1 })
  assert.deepEqual(rotating.unwrap(a, wrapped), dek)
  const again = rotating.rewrap(a, wrapped)
  assert.deepEqual(createPhiVault(k2).unwrap(a, again), dek, 'the new wrapping needs only the new key')
  assert.throws(() => createPhiVault(k2).unwrap(a, wrapped), 'without the previous key the old wrapping does not open')
  assert.throws(() => createPhiVault(k1).unwrap(a, again))
  assert.notEqual(createPhiVault(k1).kekId, rotating.kekId)
})
