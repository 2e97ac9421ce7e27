import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFromStdin } from 'pg-copy-streams'
import type { PGlite } from '@electric-sql/pglite'

/** A connection-like handle: what application code and repositories run SQL on. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>
}

/** A transaction handle; hooks run after a successful commit (e.g. to nudge the outbox relay). */
export interface Tx extends Sql {
  afterCommit(fn: () => void): void
  /** Bulk-loads PostgreSQL text-format rows: `COPY <target> FROM …` (PGlite reads /dev/blob, PostgreSQL STDIN). */
  copyFrom(target: string, data: Uint8Array): Promise<void>
}

/** The one database interface over PGlite (embedded) and node-postgres (distributed). */
export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres'
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  /** Runs fn on one dedicated connection (PGlite: the only one), e.g. for COPY. */
  raw(): PGlite | pg.Pool
  close(): Promise<void>
}

function runHooks(hooks: Array<() => void>) {
  for (const h of hooks) {
    try {
      h()
    } catch {
      /* a hook must never fail a committed transaction */
    }
  }
}

/** PGlite is one connection: its transaction() serialises, which is correct, not fast. */
export function pgliteDatabase(db: PGlite): Database {
  return {
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      const r = await db.query<T>(text, params)
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length }
    },
    async transaction(fn) {
      const hooks: Array<() => void> = []
      const result = await db.transaction(async (t) =>
        fn({
          async query<T>(text: string, params?: unknown[]) {
            const r = await t.query<T>(text, params)
            return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length }
          },
          async exec(text) {
            await t.exec(text)
          },
          afterCommit: (h) => hooks.push(h),
          async copyFrom(target, data) {
            await t.query(`COPY ${target} FROM '/dev/blob' (FORMAT text)`, [], { blob: new Blob([data as Uint8Array<ArrayBuffer>]) })
          },
        }),
      )
      runHooks(hooks)
      return result
    },
    async exec(text) {
      await db.exec(text)
    },
    raw: () => db,
    close: () => db.close(),
  }
}

// Return bigint (int8) and numeric as JS numbers where safe: counts and money are integers here.
pg.types.setTypeParser(20, (v) => Number(v))

/** node-postgres pool; transactions hold one pooled client. */
export function postgresDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max })
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  })
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      const r = await pool.query(text, params)
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 }
    },
    async transaction(fn) {
      const client = await pool.connect()
      const hooks: Array<() => void> = []
      try {
        await client.query('BEGIN')
        const result = await fn({
          async query<T>(text: string, params?: unknown[]) {
            const r = await client.query(text, params)
            return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 }
          },
          async exec(text) {
            await client.query(text)
          },
          afterCommit: (h) => hooks.push(h),
          async copyFrom(target, data) {
            await pipeline(Readable.from([data]), client.query(copyFromStdin(`COPY ${target} FROM STDIN (FORMAT text)`)))
          },
        })
        await client.query('COMMIT')
        runHooks(hooks)
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    async exec(text) {
      await pool.query(text)
    },
    raw: () => pool,
    close: () => pool.end(),
  }
}

/** True when err is a PostgreSQL unique violation (on either backend). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505'
}
