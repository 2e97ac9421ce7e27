import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import pg from 'pg'
import { runWalkthrough, startServer, type ServerProcess } from './processes.ts'

// DESIGN.md's distributed mode: services in two processes on PostgreSQL + PostGIS, cooperating
// through Kafka, behind the gateway; the acceptance walkthrough runs through the gateway.
const baseUrl = process.env.APOTHECA_TEST_DATABASE_URL
const brokers = process.env.APOTHECA_TEST_KAFKA_BROKERS
const run = `dist${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
const dbName = `apotheca_${run}`
const procs: ServerProcess[] = []

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

before(async () => {
  assert.ok(baseUrl && brokers, 'APOTHECA_TEST_DATABASE_URL and APOTHECA_TEST_KAFKA_BROKERS must be set (scripts/services/*.sh start)')
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`))
})

after(async () => {
  await Promise.all(procs.map((p) => p.stop()))
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)).catch(() => {})
})

test('two service processes and a gateway, on PostgreSQL and Kafka, pass the walkthrough', { timeout: 420_000 }, async () => {
  const [portA, portB] = [await freePort(), await freePort()]
  const a = `http://127.0.0.1:${portA}`
  const b = `http://127.0.0.1:${portB}`
  const env = {
    DATABASE_URL: baseUrl!.replace(/\/[^/?]+(\?|$)/, `/${dbName}$1`),
    KAFKA_BROKERS: brokers!,
    APOTHECA_KAFKA_PREFIX: run,
    APOTHECA_MASTER_KEY: randomBytes(32).toString('base64'),
    APOTHECA_INTERNAL_SECRET: randomBytes(32).toString('hex'),
    APOTHECA_DEMO: '1',
    APOTHECA_SERVICE_URLS: [
      ...['identity', 'catalog', 'prescriptions', 'audit', 'notifications'].map((s) => `${s}=${a}`),
      ...['orders', 'inventory', 'delivery'].map((s) => `${s}=${b}`),
    ].join(','),
  }
  const [pa, pb] = await Promise.all([
    startServer(['--services', 'identity,catalog,prescriptions,audit,notifications'], { ...env, PORT: String(portA) }),
    startServer(['--services', 'orders,inventory,delivery'], { ...env, PORT: String(portB) }),
  ])
  procs.push(pa, pb)
  const gw = await startServer(['--gateway'], { ...env, PORT: '0' })
  procs.push(gw)

  for (const p of [pa, pb]) assert.match(p.output(), /distributed \(PostgreSQL \+ Kafka\)/)
  // Each process serves only its own services: the split is real.
  assert.equal((await fetch(`${a}/cart`)).status, 404)
  assert.equal((await fetch(`${b}/drugs/search?q=amoxicillin`)).status, 404)
  // The gateway never exposes internal routes.
  assert.equal((await fetch(`${gw.url}/internal/patients/00000000-0000-0000-0000-000000000000`)).status, 404)

  // Liveness asks nothing of the upstreams; readiness asks every one of them.
  for (const u of [a, b, gw.url]) assert.deepEqual(await (await fetch(`${u}/health/live`)).json(), { status: 'ok' })
  assert.equal((await fetch(`${gw.url}/health`)).status, 200)

  const r = await runWalkthrough(gw.url)
  const logs = procs.map((p, i) => `--- process ${'ABG'[i]} ---\n${p.output().slice(-2500)}`).join('\n')
  assert.equal(r.code, 0, `${r.output}\n${logs}`)
  assert.match(r.output, /walkthrough: \d+ passed, 0 failed/)
})
