import type { Database, Tx } from '@apotheca/kernel'

/** A transaction that can also bulk-load text-format rows (the kernel's Tx.copyFrom, named for the loaders). */
export interface CopyTx extends Tx {
  /** Runs `COPY <table> FROM …` (text format) with these bytes. */
  copy(table: string, data: Uint8Array): Promise<void>
}

/** Lets the event loop run one turn: timers and other requests' I/O wait no longer than the statement before. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Runs fn in one kernel transaction that can COPY, yielding to the event loop before each statement.
 * PGlite runs SQL on the main thread, and a transaction's statements follow one another as microtasks:
 * without the yields an import's whole transaction is one block in which no request is served (GET
 * /health/live waited 3.7 s during an admin's import). The loaders keep each statement short (chunks).
 * Never call other services inside it.
 */
export function copyTransaction<T>(db: Database, fn: (tx: CopyTx) => Promise<T>): Promise<T> {
  return db.transaction((tx) =>
    fn({
      ...tx,
      async query(text, params) {
        await yieldToLoop()
        return tx.query(text, params)
      },
      async exec(text) {
        await yieldToLoop()
        return tx.exec(text)
      },
      async copy(table, data) {
        await yieldToLoop()
        return tx.copyFrom(table, data)
      },
    }),
  )
}

/** Text-format COPY data in pieces of about `size` bytes, each ending at a row's end (rows end in \n; fields escape theirs). */
export function* rowChunks(data: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < data.length;) {
    const nl = start + size >= data.length ? -1 : data.indexOf(0x0a, start + size - 1)
    const end = nl === -1 ? data.length : nl + 1
    yield data.subarray(start, end)
    start = end
  }
}
