// npm run bench:search — GET /drugs/search on PostgreSQL with the full catalog at 50 concurrent
// connections (a realistic mix: names, prefixes, typos, NDCs, ingredients), beside the same server's
// bare JSON route (harness only) measured in the same run. Loopback only; bounded in time.
import { fork } from 'node:child_process'
import { Agent, request } from 'node:http'
import { cpus, hostname, loadavg } from 'node:os'
import { writeFileSync } from 'node:fs'
import pg from 'pg'
import { searchMix } from './mix.ts'

const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const ROUNDS = 2
const ADMIN_URL =
  process.env.APOTHECA_BENCH_DATABASE_URL ??
  process.env.APOTHECA_TEST_DATABASE_URL ??
  'postgres://apotheca:apotheca@127.0.0.1:54329/apotheca'

interface Run {
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
  n: number
}

/** CONNECTIONS keep-alive connections, each sending its next URL as soon as the last answer is read. */
async function load(port: number, urls: string[], seconds: number): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const lat: number[] = []
  let errors = 0
  let next = 0
  const until = performance.now() + seconds * 1000
  const one = (path: string) =>
    new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', () => resolve(0))
      req.end()
    })
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now()
      const status = await one(urls[next++ % urls.length]!)
      lat.push(performance.now() - t)
      if (status !== 200) errors++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  lat.sort((a, b) => a - b)
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0
  return { rps: lat.length / elapsed, p50: q(0.5), p95: q(0.95), p99: q(0.99), errors, n: lat.length }
}

async function main() {
  const name = `apotheca_bench_search_${process.pid}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const server = fork(new URL('./server.ts', import.meta.url).pathname, [], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    execArgv: ['--import', 'tsx'],
  })
  try {
    const { port, loadMs } = await new Promise<{ port: number; loadMs: number }>((resolve, reject) => {
      server.once('message', (m) => resolve(m as { port: number; loadMs: number }))
      server.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    })
    const mix = searchMix(5000)
    const bareUrls = ['/bench/bare']
    await load(port, mix, 2) // warm-up: JIT, pool, plans, page cache
    await load(port, bareUrls, 1)
    const uncachedMix = mix.map((u) => u.replace('/drugs/search?', '/bench/search-uncached?'))
    const bare: Run[] = []
    const search: Run[] = []
    const uncached: Run[] = []
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await load(port, bareUrls, SECONDS))
      search.push(await load(port, mix, SECONDS))
      uncached.push(await load(port, uncachedMix, SECONDS))
    }
    report({ bare, search, uncached, distinct: new Set(mix).size, loadMs })
  } finally {
    server.send('stop')
    await new Promise((r) => server.once('exit', r))
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

function report(r: { bare: Run[]; search: Run[]; uncached: Run[]; distinct: number; loadMs: number }) {
  const mean = (runs: Run[], k: keyof Run) => runs.reduce((a, x) => a + x[k], 0) / runs.length
  const ms = (n: number) => n.toFixed(1)
  const f = (n: number) => Math.round(n).toLocaleString('en-US')
  const ratio = mean(r.search, 'rps') / mean(r.bare, 'rps')
  const p99 = mean(r.search, 'p99')
  const row = (label: string, runs: Run[]) =>
    `| ${label} | ${f(mean(runs, 'rps'))} (${runs.map((x) => f(x.rps)).join(', ')}) | ${ms(mean(runs, 'p50'))} | ${ms(mean(runs, 'p95'))} | ${ms(mean(runs, 'p99'))} | ${runs.reduce((a, x) => a + x.errors, 0)} / ${f(runs.reduce((a, x) => a + x.n, 0))} |`
  const lines = [
    '# bench:search',
    '',
    `GET /drugs/search on PostgreSQL with the full shipped catalog (loaded in ${f(r.loadMs)} ms at start), ${CONNECTIONS} concurrent`,
    'keep-alive connections on loopback, a fixed mix of 5,000 URLs (30% names, 25% type-ahead prefixes, 15% misspellings,',
    '15% NDCs in 5-4-2 / 11-digit / 10-digit forms, 15% ingredient lookups; some with rx_only or dosage_form filters), beside',
    `the same server's bare JSON route (GET /bench/bare, added by the harness only); ${ROUNDS} alternating rounds of ${SECONDS} s, means.`,
    'The load generator is a separate process on the same machine (node:http, keep-alive).',
    '',
    '| route | req/s (rounds) | p50 ms | p95 ms | p99 ms | non-200 / requests |',
    '|---|---|---|---|---|---|',
    row('bare JSON', r.bare),
    row('search mix (GET /drugs/search)', r.search),
    row('search mix, no result cache', r.uncached),
    '',
    `The mix has ${f(r.distinct)} distinct URLs, so after the warm-up GET /drugs/search answers mostly from its result cache (an LRU of`,
    '1,000 pages, cleared by catalog.import.completed.v1); the "no result cache" row is the same query code behind a harness-only route,',
    'i.e. what every request would cost if none repeated.',
    '',
    `Ratio search / bare: ${ratio.toFixed(2)} (goal ≥ 0.33: ${ratio >= 1 / 3 ? 'met' : 'not met'}); search p99 ${ms(p99)} ms (goal < 50 ms: ${p99 < 50 ? 'met' : 'not met'}).`,
    '',
    `Machine: ${hostname()}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}. Date: ${new Date().toISOString()}.`,
    `Load average after the run: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (the machine is shared with other work).`,
    '',
  ]
  const text = lines.join('\n')
  console.log(text)
  writeFileSync(new URL('../results/search.md', import.meta.url), text)
}

await main()
