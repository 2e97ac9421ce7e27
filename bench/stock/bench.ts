// npm run bench:stock — reservations per second on one drug at 64 concurrent clients on PostgreSQL,
// beside pgbench's single-row conditional UPDATE rate on the same server in the same run. Each
// reservation is a full call of the use case reserveStock (group commit, then the locking path
// for what a group did not make), so the figure includes every row and event a reservation writes.
import { randomUUID } from 'node:crypto'
import { cpus, hostname, loadavg } from 'node:os'
import { writeFileSync } from 'node:fs'
import pg from 'pg'
import { createLogger, createPublisher, migrate, openDatabase, postgresDatabase, type Database } from '@apotheca/kernel'
import type { InventoryDeps } from '../../services/inventory/src/application/deps.ts'
import { reserveStock } from '../../services/inventory/src/application/reserve-stock.ts'
import { groupHoldStats } from '../../services/inventory/src/application/group-hold.ts'
import { stockBatch } from './stock-batch.ts'
import { pgbenchRate, preparePgbench } from './pgbench.ts'

const CLIENTS = 64
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const POOL = Number(process.env.BENCH_POOL ?? 8)
const ROUNDS = 2
const ADMIN_URL =
  process.env.APOTHECA_BENCH_DATABASE_URL ??
  process.env.APOTHECA_TEST_DATABASE_URL ??
  'postgres://apotheca:apotheca@127.0.0.1:54329/apotheca'
const MIGRATIONS = new URL('../../services/inventory/src/db/migrations/', import.meta.url)

async function withOwnDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `apotheca_bench_stock_${process.pid}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  try {
    return await fn(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

/** `clients` loops reserving 1 unit each of one drug until `seconds` pass or stock runs out. */
async function reserveLoop(deps: InventoryDeps, drugId: string, seconds: number) {
  const until = Date.now() + seconds * 1000
  let ok = 0
  let refused = 0
  const client = async () => {
    while (Date.now() < until) {
      try {
        await reserveStock(deps, {
          order_id: randomUUID(),
          patient_id: randomUUID(),
          items: [{ drug_id: drugId, quantity: 1 }],
          hold_minutes: 30,
        })
        ok++
      } catch (err) {
        if ((err as { status?: number }).status !== 409) throw err
        refused++
        return
      }
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CLIENTS }, client))
  return { ok, refused, rate: ok / ((performance.now() - started) / 1000) }
}

/** Units reserved beyond what a batch holds, and reservations whose lines disagree with their batches' counts. */
async function oversold(db: Database, drugId: string): Promise<number> {
  const { rows } = await db.query<{ over: number }>(
    /* sql */ `
    SELECT COALESCE(sum(GREATEST(b.quantity_reserved - b.quantity_on_hand, 0)
      + abs(b.quantity_reserved - COALESCE((SELECT sum(i.quantity) FROM inventory.reservation_items i WHERE i.batch_id = b.batch_id), 0))), 0)::int AS over
    FROM inventory.batches b WHERE b.drug_id = $1`,
    [drugId],
  )
  return rows[0]!.over
}

async function main() {
  const loadBefore = loadavg()[0]!
  await withOwnDatabase(async (url) => {
    const setup = await openDatabase({ databaseUrl: url, dataDir: '/tmp' })
    await migrate(setup, 'inventory', MIGRATIONS)
    await preparePgbench(setup)
    await setup.close()
    const db = postgresDatabase(url, POOL)
    const deps: InventoryDeps = {
      db,
      publish: createPublisher('inventory', () => {}),
      services: {
        call: async () => {
          throw new Error('no calls on the hot path')
        },
      } as any,
      log: createLogger('silent'),
      minShelfDays: 30,
      clock: () => new Date(),
    }
    const hot = randomUUID()
    await stockBatch(db, { drug_id: hot, batch_number: 'HOT-A', expiry_date: '2031-01-01', quantity: 50_000_000 })
    await stockBatch(db, { drug_id: hot, batch_number: 'HOT-B', expiry_date: '2032-01-01', quantity: 50_000_000 })
    await reserveLoop(deps, hot, 1) // warm-up: JIT, pool, plans
    const pgbench: number[] = []
    const ours: number[] = []
    const before = groupHoldStats(deps)
    for (let i = 0; i < ROUNDS; i++) {
      pgbench.push(pgbenchRate(url, CLIENTS, SECONDS))
      ours.push((await reserveLoop(deps, hot, SECONDS)).rate)
    }
    const after = groupHoldStats(deps)
    const groups = {
      size: (after.requests - before.requests) / (after.groups - before.groups),
      lockingPath: after.requests - before.requests - (after.held - before.held),
    }
    // Sell-out: little stock, the same 64 clients until every one is refused; count what was oversold.
    const scarce = randomUUID()
    const LIMITED = 3000
    await stockBatch(db, { drug_id: scarce, batch_number: 'S-A', expiry_date: '2031-01-01', quantity: LIMITED / 2 })
    await stockBatch(db, { drug_id: scarce, batch_number: 'S-B', expiry_date: '2032-01-01', quantity: LIMITED / 2 })
    const sellOut = await reserveLoop(deps, scarce, 120)
    const over = (await oversold(db, hot)) + (await oversold(db, scarce)) + Math.max(0, sellOut.ok - LIMITED)
    await db.close()
    report({ pgbench, ours, groups, sellOut, limited: LIMITED, over, loadBefore })
    if (over !== 0) process.exitCode = 1
  })
}

function report(r: {
  pgbench: number[]
  ours: number[]
  groups: { size: number; lockingPath: number }
  sellOut: { ok: number; refused: number }
  limited: number
  over: number
  loadBefore: number
}) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const ours = mean(r.ours)
  const base = mean(r.pgbench)
  const ratio = ours / base
  const f = (n: number) => Math.round(n).toLocaleString('en-US')
  const lines = [
    '# bench:stock',
    '',
    `Reservations per second of one drug at ${CLIENTS} concurrent clients, each a call of the use case \`reserveStock\` (pool ${POOL}):`,
    `a reservation row, its line, its outbox event and the units held, never oversold. Concurrent requests are reserved in groups`,
    `of one statement each (group commit, ADR 0008); what a group does not make takes the locking path. Beside it, pgbench's`,
    `single-row conditional UPDATE (\`UPDATE … SET qty = qty - 1 WHERE id = 1 AND qty >= 1\`, ${CLIENTS} clients, prepared) on the same`,
    `PostgreSQL in the same run; ${ROUNDS} alternating rounds of ${SECONDS} s each, means.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| reservations/s (rounds) | ${f(ours)} (${r.ours.map(f).join(', ')}) |`,
    `| pgbench UPDATE tps (rounds) | ${f(base)} (${r.pgbench.map(f).join(', ')}) |`,
    `| ratio | ${ratio.toFixed(2)} (goal ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'not met'}) |`,
    `| sell-out: ${f(r.limited)} units, ${CLIENTS} clients until refused | ${f(r.sellOut.ok)} reserved, ${r.sellOut.refused} refused |`,
    `| requests per group statement (mean, timed rounds) | ${r.groups.size.toFixed(1)} |`,
    `| requests the group did not make (locking path) | ${f(r.groups.lockingPath)} |`,
    `| oversold | ${r.over} |`,
    '',
    `Machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}. Date: ${new Date().toISOString()}.`,
    `Load average (1, 5, 15 min) after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; 1 min before it: ${r.loadBefore.toFixed(2)} (the machine is shared).`,
    '',
  ]
  const text = lines.join('\n')
  console.log(text)
  writeFileSync(new URL('../results/stock.md', import.meta.url), text)
}

await main()
