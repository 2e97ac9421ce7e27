import type { Database, Tx } from '@apotheca/kernel'

/** A transaction that can also bulk-load text-format rows (the kernel's Tx.copyFrom, named for the loaders). */
export interface CopyTx extends Tx {
  /** Runs `COPY <table> FROM …` (text format) with these bytes. */
  copy(table: string, data: Uint8Array): Promise<void>
}

/** Runs fn in one kernel transaction that can COPY. Never call other services inside it. */
export function copyTransaction<T>(db: Database, fn: (tx: CopyTx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn({ ...tx, copy: (table, data) => tx.copyFrom(table, data) }))
}
