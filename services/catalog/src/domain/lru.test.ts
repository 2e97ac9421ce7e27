import { test } from 'node:test'
import assert from 'node:assert/strict'
import { LruCache } from './lru.ts'

test('the least recently used entry is evicted first, and a read counts as a use', () => {
  const c = new LruCache<string, number>(2)
  c.set('a', 1)
  c.set('b', 2)
  assert.equal(c.get('a'), 1)
  c.set('c', 3)
  assert.equal(c.get('b'), undefined)
  assert.equal(c.get('a'), 1)
  assert.equal(c.get('c'), 3)
  assert.equal(c.size, 2)
})

test('setting an existing key replaces it without growing; clear empties the cache', () => {
  const c = new LruCache<string, number>(2)
  c.set('a', 1)
  c.set('a', 2)
  assert.equal(c.size, 1)
  assert.equal(c.get('a'), 2)
  c.clear()
  assert.equal(c.get('a'), undefined)
  assert.throws(() => new LruCache(0))
})
