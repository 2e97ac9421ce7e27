import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import type { Database, Tx } from '@apotheca/kernel'

/** A transaction that can also bulk-load text-format rows with COPY (the kernel's Tx cannot). */
export interface CopyTx extends Tx {
  /** Runs `COPY <table> FROM …` (text format) with these bytes: PGlite reads /dev/blob, PostgreSQL STDIN. */
  copy(table: string, data: Uint8Array): Promise<void>
}

type Raw = ReturnType<Database['raw']>
/** The PGlite side of Database.raw(): it alone has transaction(). */
type PGliteRaw = Extract<Raw, { transaction: unknown }>
/** The node-postgres side: a pool. */
type PoolRaw = Exclude<Raw, PGliteRaw>

/**
 * Runs fn in one transaction on one connection that can COPY, with the kernel's afterCommit hooks
 * (the outbox relay's nudge) run after the commit. Never call other services inside it.
 */
export async function copyTransaction<T>(db: Database, fn: (tx: CopyTx) => Promise<T>): Promise<T> {
  const hooks: Array<() => void> = []
  const result = db.kind === 'pglite'
    ? await onPglite(db.raw() as PGliteRaw, hooks, fn)
    : await onPostgres(db.raw() as PoolRaw, hooks, fn)
  for (const h of hooks) {
    try { h() } catch { /* a hook must never fail a committed transaction */ }
  }
  return result
}

async function onPglite<T>(pglite: PGliteRaw, hooks: Array<() => void>, fn: (tx: CopyTx) => Promise<T>): Promise<T> {
  return pglite.transaction(async (t) => fn({
    async query(text, params) {
      const r = await t.query<any>(text, params as any[])
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length }
    },
    async exec(text) { await t.exec(text) },
    afterCommit: (h) => hooks.push(h),
    async copy(table, data) {
      await t.query(`COPY ${table} FROM '/dev/blob' (FORMAT text)`, [], { blob: new Blob([data as Uint8Array<ArrayBuffer>]) })
    },
  }))
}

async function onPostgres<T>(pool: PoolRaw, hooks: Array<() => void>, fn: (tx: CopyTx) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn({
      async query(text, params) {
        const r = await client.query(text, params as any[])
        return { rows: r.rows, rowCount: r.rowCount ?? 0 }
      },
      async exec(text) { await client.query(text) },
      afterCommit: (h) => hooks.push(h),
      async copy(table, data) {
        await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT text)`)))
      },
    })
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
