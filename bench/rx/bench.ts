// npm run bench:rx — a burst of prescriptions (default 10,000) at the intake API on PostgreSQL + Kafka:
// intake latency percentiles beside the same server's bare route (GET /prescriptions/signing-keys,
// one indexed read) measured in the same run, and how long the review consumers (validation + DUR,
// decoupled by events) take to drain the backlog, for each number of review consumers.
//   BENCH_RX_COUNT=10000 BENCH_RX_CONSUMERS=1,3 BENCH_RX_CONCURRENCY=64 npm run bench:rx
import { randomUUID } from 'node:crypto'
import { cpus, hostname, loadavg } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import pg from 'pg'
import { createLogger, type Config } from '@apotheca/kernel'
import { KafkaBus } from '@apotheca/kernel/kafka'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import prescriptions from '../../services/prescriptions/src/module.ts'
import { DRUGS, PRACTITIONERS, startFakeCatalog } from '../../services/prescriptions/test/fake-catalog.ts'
import { latencyRun, type Percentiles } from './load.ts'

const COUNT = Number(process.env.BENCH_RX_COUNT ?? 10_000)
const CONSUMERS = (process.env.BENCH_RX_CONSUMERS ?? '1,3').split(',').map(Number)
const CONCURRENCY = Number(process.env.BENCH_RX_CONCURRENCY ?? 64)
const PATIENTS = Math.max(1, Math.floor(COUNT / 5))
const ADMIN_URL =
  process.env.APOTHECA_BENCH_DATABASE_URL ??
  process.env.APOTHECA_TEST_DATABASE_URL ??
  'postgres://apotheca:apotheca@127.0.0.1:54329/apotheca'
const BROKERS = (process.env.APOTHECA_BENCH_KAFKA_BROKERS ?? process.env.APOTHECA_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092').split(',')
const today = new Date().toISOString().slice(0, 10)

interface Result {
  consumers: number
  baseline: Percentiles
  intake: Percentiles
  intakeSeconds: number
  drainAfterBurst: number
  total: number
  reviewRate: number
  statuses: Record<string, number>
}

async function ownDatabase(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `apotheca_bench_rx_${process.pid}_${tag}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

async function runWith(consumers: number): Promise<Result> {
  const db = await ownDatabase(`c${consumers}`)
  const catalog = await startFakeCatalog()
  process.env.APOTHECA_TEST_DATABASE_URL = db.url
  const prefix = `bench-rx-${process.pid}-${consumers}`
  const createBus = async (_c: Config) => new KafkaBus({ brokers: BROKERS, log: createLogger('warn'), prefix })
  const env = { APOTHECA_SERVICE_URLS: `catalog=${catalog.url},identity=${catalog.url}` }
  const runtimes: TestRuntime[] = []
  try {
    // The first runtime serves the API; each one (itself included) is one review consumer of the group.
    for (let i = 0; i < consumers; i++)
      runtimes.push(await startTestRuntime({ modules: [prescriptions], backend: 'postgres', env, createBus }))
    const api = runtimes[0]!
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' })
    const token = await api.token('practitioner', { sub: PRACTITIONERS.doctor!.practitioner_id })
    const baseline = await latencyRun(COUNT, CONCURRENCY, async () => {
      const r = await fetch(`${address}/prescriptions/signing-keys`)
      await r.arrayBuffer()
      if (r.status !== 200) throw new Error(`baseline answered ${r.status}`)
    })
    const patients = Array.from({ length: PATIENTS }, () => randomUUID())
    const drugs = [DRUGS.amoxicillin, DRUGS.ibuprofen, DRUGS.warfarin, DRUGS.amoxicillin250]
    let n = 0
    const started = performance.now()
    const intake = await latencyRun(COUNT, CONCURRENCY, async () => {
      const i = n++
      const body = {
        patient_id: patients[i % PATIENTS],
        drug_id: drugs[i % drugs.length]!.drug_id,
        dosage: 'one tablet daily',
        quantity: 30,
        refill_count: 1,
        days_supply: 30,
        issue_date: today,
      }
      const r = await fetch(`${address}/prescriptions/submit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      await r.arrayBuffer()
      if (r.status !== 201) throw new Error(`submit answered ${r.status}`)
    })
    const burstEnd = performance.now()
    for (;;) {
      const { rows } = await api.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM prescriptions.prescriptions WHERE status IN ('received', 'validating')`,
      )
      if (rows[0]!.n === 0) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const done = performance.now()
    const { rows } = await api.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM prescriptions.prescriptions GROUP BY status`,
    )
    return {
      consumers,
      baseline: baseline.latency,
      intake: intake.latency,
      intakeSeconds: (burstEnd - started) / 1000,
      drainAfterBurst: (done - burstEnd) / 1000,
      total: (done - started) / 1000,
      reviewRate: COUNT / ((done - started) / 1000),
      statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])),
    }
  } finally {
    for (const rt of runtimes.reverse()) await rt.close().catch(() => {})
    await catalog.close()
    await db.drop()
  }
}

const fmt = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} / ${p.max.toFixed(1)}`
/** Writes what has been measured so far to bench/results/rx.md (after each run: a long benchmark leaves partial results). */
function write() {
  const lines = [
    '# bench:rx — prescription intake under a burst, and the review backlog',
    '',
    `${new Date().toISOString()} · ${hostname()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average before: ${load}, after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
    `PostgreSQL (own database per run) + Kafka (own topic prefix per run, 3 partitions); ${COUNT} POST /prescriptions/submit over HTTP at ${CONCURRENCY} concurrent clients,`,
    `${PATIENTS} patients (so DUR compares with their other medicines and asks the interaction checker), catalog and identity as a stub service over HTTP.`,
    "Baseline: the same server's bare route GET /prescriptions/signing-keys, same number of requests and clients, measured in the same run.",
    "A review consumer is one runtime's consumer in the `prescriptions` group (all runtimes in this one Node process, on the same 2 cores as PostgreSQL and Kafka); at most 3 share the work (3 partitions).",
    '',
    '| review consumers | intake p50 / p95 / p99 / max (ms) | baseline p50 / p95 / p99 / max (ms) | intake p50 ÷ baseline p50 | burst (s) | backlog drained after burst (s) | reviews/s (burst start → drained) | final statuses |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.consumers} | ${fmt(r.intake)} | ${fmt(r.baseline)} | ${(r.intake.p50 / r.baseline.p50).toFixed(2)}× | ${r.intakeSeconds.toFixed(1)} | ${r.drainAfterBurst.toFixed(1)} | ${r.reviewRate.toFixed(0)} | ${Object.entries(
          r.statuses,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
    ),
    '',
    '2-core machine shared with other work (see the load averages above): absolute numbers move with the load; compare within a row.',
  ]
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true })
  writeFileSync(new URL('../results/rx.md', import.meta.url), `${lines.join('\n')}\n`)
  console.log(lines.join('\n'))
}

const results: Result[] = []
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ')
for (const c of CONSUMERS) {
  const r = await runWith(c)
  results.push(r)
  console.log(
    `consumers=${c}: intake p50/p95/p99/max ${fmt(r.intake)} ms (baseline ${fmt(r.baseline)} ms, p50 ratio ${(r.intake.p50 / r.baseline.p50).toFixed(2)}×); burst ${r.intakeSeconds.toFixed(1)} s; review drained ${r.drainAfterBurst.toFixed(1)} s after the burst (${r.reviewRate.toFixed(0)} reviews/s overall) ${JSON.stringify(r.statuses)}`,
  )
  write()
}
process.exit(0)
