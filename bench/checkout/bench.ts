// npm run bench:checkout — complete checkouts (cart to placed, paid order) per second and their p99
// at 32 concurrent patients, on PostgreSQL + Kafka (one server process with every service, its own
// database and Kafka prefix), beside the same server's bare route (GET /health/live) measured in the same
// run; counts oversold units and double charges (both must be 0). Writes bench/results/checkout.md.
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { cpus, hostname, loadavg } from 'node:os'
import pg from 'pg'
import { DEMO_TOTP_SECRET, totpCode } from '../../services/identity/src/domain/totp.ts'
import { httpClient, startServer, type ServerProcess } from '../../apps/server/test/processes.ts'

const DB =
  process.env.APOTHECA_BENCH_DATABASE_URL ??
  process.env.APOTHECA_TEST_DATABASE_URL ??
  'postgres://apotheca:apotheca@127.0.0.1:54329/apotheca'
const BROKERS = process.env.APOTHECA_BENCH_KAFKA_BROKERS ?? process.env.APOTHECA_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092'
const CONCURRENCY = 32
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const BASELINE_SECONDS = 8
const run = `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
const dbName = `apotheca_${run}`
const dbUrl = DB.replace(/\/[^/?]+(\?|$)/, `/${dbName}$1`)

async function sql<T = any>(url: string, q: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(q, params)).rows as T[]
  } finally {
    await c.end()
  }
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
}
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

async function main() {
  await sql(DB, `CREATE DATABASE ${dbName}`)
  let proc: ServerProcess | null = null
  try {
    proc = await startServer([], {
      DATABASE_URL: dbUrl,
      KAFKA_BROKERS: BROKERS,
      APOTHECA_KAFKA_PREFIX: run,
      APOTHECA_DEMO: '1',
      LOG_LEVEL: 'error',
      APOTHECA_MASTER_KEY: randomBytes(32).toString('base64'),
      APOTHECA_INTERNAL_SECRET: randomBytes(32).toString('hex'),
    })
    const base = proc.url
    const call = httpClient(base)
    const tokens: string[] = []
    for (let i = 0; i < CONCURRENCY; i++) {
      const email = `bench.${run}.${i}@example.test`
      const password = 'Correct-Horse-Battery-9'
      const reg = await call('POST', '/patients/register', {
        body: {
          name: `Bench ${i}`,
          date_of_birth: '1980-01-01',
          email,
          password,
          phone: '+12125550123',
          address: { line1: '1 Main St', city: 'New York', state: 'NY', postal_code: '10001', country: 'US' },
        },
      })
      if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.json)}`)
      tokens.push((await call('POST', '/auth/login', { body: { email, password } })).json.access_token)
    }
    // The over-the-counter drugs the demo seed stocked (the seed picks by its own search).
    const otc: string[] = []
    const stockedQuery = `SELECT drug_id::text FROM inventory.batches GROUP BY drug_id HAVING sum(quantity_on_hand - quantity_reserved) >= 100`
    // The demo stock may still be seeding when the server starts serving.
    for (let i = 0; i < 120 && (await sql(dbUrl, stockedQuery)).length === 0; i++) await new Promise((r) => setTimeout(r, 1000))
    const stocked = await sql<{ drug_id: string }>(dbUrl, stockedQuery)
    for (const { drug_id } of stocked)
      if ((await call('GET', `/drugs/${drug_id}`, { token: tokens[0] })).json?.rx_only === false) otc.push(drug_id)
    if (otc.length === 0) throw new Error('no stocked OTC drug in the demo data')
    // Enough stock that the run measures checkouts, not sell-outs: received through the API as the demo admin.
    const mfa = (await call('POST', '/auth/login', { body: { email: 'admin@demo.apotheca.test', password: 'Demo-Admin-2026!' } })).json
      .mfa_token
    const admin = (await call('POST', '/auth/mfa/verify', { body: { mfa_token: mfa, code: totpCode(DEMO_TOTP_SECRET) } })).json.access_token
    for (const drugId of otc) {
      const r = await call('PUT', `/inventory/${drugId}/adjust`, {
        token: admin,
        body: { quantity_delta: 5000, reason: 'received', batch_number: `BENCH-${run}`, expiry_date: '2030-12-31' },
      })
      if (r.status !== 200) throw new Error(`stocking ${drugId}: ${r.status} ${JSON.stringify(r.json)}`)
    }

    // Warm-up, then the baseline and the checkouts in the same run.
    for (let i = 0; i < 3; i++) await call('GET', '/health/live')
    const baseline = await closedLoop(BASELINE_SECONDS, async () => {
      const r = await fetch(`${base}/health/live`)
      await r.text()
      return r.status === 200
    })
    let n = 0
    const failures: Record<string, number> = {}
    const checkouts = await closedLoop(SECONDS, async (worker) => {
      const token = tokens[worker]!
      const add = await call('POST', '/cart/items', { token, body: { drug_id: otc[n++ % otc.length], quantity: 1 } })
      if (add.status !== 201) {
        failures[`cart ${add.status}`] = (failures[`cart ${add.status}`] ?? 0) + 1
        return false
      }
      const r = await call('POST', '/cart/checkout', {
        token,
        body: { payment_method: 'pm_card_visa' },
        headers: { 'idempotency-key': randomBytes(8).toString('hex') },
      })
      const ok = r.status === 201 && r.json.order_status === 'paid' && r.json.payment_status === 'captured'
      const why = `checkout ${r.status}${r.json?.type ? ` ${String(r.json.type).split('/').pop()}` : ''}`
      if (!ok) failures[why] = (failures[why] ?? 0) + 1
      return ok
    })

    // Oversold: units sold beyond a drug's stock; double charged: an order with two intents, or more money kept than its total.
    const [oversold] = await sql(
      dbUrl,
      `SELECT COALESCE(sum(GREATEST(sold - on_hand, 0)), 0)::int AS units FROM (
        SELECT i.drug_id, sum(i.quantity) AS sold, (SELECT COALESCE(sum(quantity_on_hand), 0) FROM inventory.batches b WHERE b.drug_id = i.drug_id) AS on_hand
        FROM orders.order_items i JOIN orders.orders o ON o.order_id = i.order_id WHERE o.order_status <> 'cancelled' GROUP BY i.drug_id) s`,
    )
    const [doubled] = await sql(
      dbUrl,
      `SELECT count(*)::int AS n FROM (
        SELECT o.order_id FROM orders.orders o JOIN orders.local_payment_intents p ON p.idempotency_key = 'order:' || o.order_id::text
        GROUP BY o.order_id, o.total_amount HAVING count(*) > 1 OR sum(p.amount_received - p.amount_refunded) > o.total_amount) d`,
    )
    const [paid] = await sql(
      dbUrl,
      `SELECT count(*)::int AS n FROM orders.orders WHERE order_status = 'paid' AND payment_status = 'captured'`,
    )
    const perSecond = checkouts.ok / checkouts.seconds
    const p99 = pct(checkouts.latencies, 0.99)
    const lines = [
      '# bench:checkout',
      '',
      `Complete checkouts (POST /cart/items, then POST /cart/checkout → 201 paid and captured) at ${CONCURRENCY} concurrent patients, each`,
      `in a closed loop for ${SECONDS} s, against one server process running every service on PostgreSQL + Kafka (own database and`,
      `topic prefix, local payment gateway). Baseline: the same server's bare route (GET /health/live) at ${CONCURRENCY} concurrent clients for`,
      `${BASELINE_SECONDS} s, measured in the same run. Target (issue 7): ≥ 40 checkouts/s, p99 < 1 s.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| checkouts/s | ${fmt(perSecond, 1)} (${checkouts.ok} paid orders${Object.keys(failures).length ? `; failed: ${JSON.stringify(failures)}` : ''}) |`,
      `| checkout latency p50 / p99 | ${fmt(pct(checkouts.latencies, 0.5))} ms / ${fmt(p99)} ms |`,
      `| baseline GET /health/live req/s, p99 | ${fmt(baseline.ok / baseline.seconds, 0)}, ${fmt(pct(baseline.latencies, 0.99))} ms |`,
      `| ratio checkouts/s ÷ baseline req/s | ${(perSecond / (baseline.ok / baseline.seconds)).toFixed(3)} |`,
      `| target ≥ 40/s and p99 < 1 s | ${perSecond >= 40 && p99 < 1000 ? 'met' : 'not met'} |`,
      `| paid orders in the database | ${paid.n} |`,
      `| oversold units | ${oversold.units} |`,
      `| double-charged orders | ${doubled.n} |`,
      '',
      `Machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}. Date: ${new Date().toISOString()}.`,
      `Load average after the run: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (the machine is shared with other work).`,
      '',
    ]
    const text = lines.join('\n')
    writeFileSync(new URL('../results/checkout.md', import.meta.url), text)
    console.log(text)
    if (oversold.units !== 0 || doubled.n !== 0) process.exitCode = 1
  } finally {
    await proc?.stop()
    await sql(DB, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {})
  }
}

/** Runs `op` in CONCURRENCY closed loops for `seconds`; counts the successes and times every op. */
async function closedLoop(seconds: number, op: (worker: number) => Promise<boolean>) {
  const start = performance.now()
  const end = Date.now() + seconds * 1000
  const latencies: number[] = []
  let ok = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      while (Date.now() < end) {
        const t = performance.now()
        const good = await op(w).catch(() => false)
        latencies.push(performance.now() - t)
        if (good) ok++
      }
    }),
  )
  // Divided by the real span (the last ops finish after the deadline), not the nominal one.
  return { ok, latencies, seconds: (performance.now() - start) / 1000 }
}

await main()
