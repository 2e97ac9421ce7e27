/** A small least-recently-used cache: reads move an entry to the back, the front is evicted first. */
export class LruCache<K, V> {
  private entries = new Map<K, V>()

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('an LRU cache holds at least one entry')
  }

  /** The cached value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  /** Stores the value, evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K)
  }

  /** Forgets everything (after an import changed the catalog). */
  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
