import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from '@apotheca/kernel'

const PGBENCH = ['/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'].find((p) => existsSync(p))

/** The table pgbench hammers: one row, like our one drug's batch. */
export async function preparePgbench(db: Database): Promise<void> {
  await db.exec(/* sql */ `CREATE SCHEMA IF NOT EXISTS pgbench_stock;
    CREATE TABLE pgbench_stock.stock (id int PRIMARY KEY, qty int NOT NULL CHECK (qty >= 0));
    INSERT INTO pgbench_stock.stock VALUES (1, 2000000000);`)
}

/**
 * PostgreSQL's own rate for the hot path's essence: a single-row conditional UPDATE (take one unit
 * if there is one), `clients` connections at once, prepared, for `seconds`. Transactions per second.
 */
export function pgbenchRate(url: string, clients: number, seconds: number): number {
  if (!PGBENCH) throw new Error('pgbench not found: apt-get install postgresql-contrib-15 (or postgresql-15)')
  const dir = mkdtempSync(join(tmpdir(), 'bench-stock-'))
  const script = join(dir, 'take-one.sql')
  writeFileSync(script, 'UPDATE pgbench_stock.stock SET qty = qty - 1 WHERE id = 1 AND qty >= 1;\n')
  try {
    const r = spawnSync(PGBENCH, ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, url], {
      encoding: 'utf8',
    })
    const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout)
    if (r.status !== 0 || !m) throw new Error(`pgbench failed: ${r.stderr || r.stdout}`)
    return Number(m[1])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
