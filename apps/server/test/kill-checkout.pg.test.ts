import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import pg from 'pg'
import { eventually } from '@apotheca/kernel/testing'
import { httpClient, startServer, type ServerProcess } from './processes.ts'

// Issue 7's kill test: 200 concurrent checkouts, the server SIGKILLed in the middle and restarted on
// the same PostgreSQL database. Afterwards every checkout answered 201 exists, nothing is charged
// twice, every reservation is converted (its order paid) or released, and every outbox drains.
const baseUrl = process.env.APOTHECA_TEST_DATABASE_URL
const run = `kill${Date.now().toString(36)}${randomBytes(2).toString('hex')}`
const dbName = `apotheca_${run}`
const N = 200
let proc: ServerProcess | null = null

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
async function sql<T = any>(url: string, q: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(q, params)).rows as T[]
  } finally {
    await c.end()
  }
}
const until = (what: string, check: () => Promise<boolean>, ms: number) => eventually(what, check, ms, 500)
async function pool<T>(items: T[], width: number, fn: (t: T, i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++
        await fn(items[i]!, i)
      }
    }),
  )
}

before(async () => {
  assert.ok(baseUrl, 'APOTHECA_TEST_DATABASE_URL must be set (scripts/services/postgres.sh start)')
  await sql(baseUrl, `CREATE DATABASE ${dbName}`)
})
after(async () => {
  await proc?.stop()
  await sql(baseUrl!, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {})
})

test('SIGKILL in the middle of 200 concurrent checkouts loses, doubles and strands nothing', { timeout: 600_000 }, async () => {
  const port = await freePort()
  const dbUrl = baseUrl!.replace(/\/[^/?]+(\?|$)/, `/${dbName}$1`)
  const env = {
    PORT: String(port),
    DATABASE_URL: dbUrl,
    APOTHECA_DEMO: '1',
    APOTHECA_MASTER_KEY: randomBytes(32).toString('base64'),
    APOTHECA_INTERNAL_SECRET: randomBytes(32).toString('hex'),
    // Recovery within seconds instead of minutes: a checkout pending 5 s is abandoned and compensated.
    APOTHECA_ORDERS_SETTLE_EVERY_MS: '1000',
    APOTHECA_ORDERS_SETTLE_PENDING_SECONDS: '5',
    APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS: '2',
  }
  proc = await startServer([], env)
  const base = proc.url
  const call = httpClient(base)

  // 200 patients, each with one unit of a stocked over-the-counter drug in the cart.
  const patients: Array<{ token: string; key: string }> = []
  await pool(
    Array.from({ length: N }, (_, i) => i),
    6,
    async (i) => {
      const email = `kill.${run}.${i}@example.test`
      const password = 'Correct-Horse-Battery-9'
      const reg = await call('POST', '/patients/register', {
        body: {
          name: `Kill Test ${i}`,
          date_of_birth: '1980-01-01',
          email,
          password,
          phone: '+12125550123',
          address: { line1: '1 Main St', city: 'New York', state: 'NY', postal_code: '10001', country: 'US' },
        },
      })
      assert.equal(reg.status, 201, JSON.stringify(reg.json))
      const login = await call('POST', '/auth/login', { body: { email, password } })
      assert.ok(login.json?.access_token, JSON.stringify(login.json))
      patients[i] = { token: login.json.access_token, key: `kill-${i}-${randomBytes(4).toString('hex')}` }
    },
  )
  // The over-the-counter drugs the demo seed stocked (the seed picks by its own search).
  const otc: string[] = []
  const stockedQuery = `SELECT drug_id::text FROM inventory.batches GROUP BY drug_id HAVING sum(quantity_on_hand - quantity_reserved) >= 100`
  // The demo stock may still be seeding when the server starts serving.
  await until('demo stock seeded', async () => (await sql(dbUrl, stockedQuery)).length > 0, 120_000)
  const stocked = await sql<{ drug_id: string }>(dbUrl, stockedQuery)
  for (const { drug_id } of stocked)
    if ((await call('GET', `/drugs/${drug_id}`, { token: patients[0]!.token })).json?.rx_only === false) otc.push(drug_id)
  assert.ok(otc.length >= 2, 'the demo catalog has stocked OTC drugs')
  await pool(patients, 6, async (p, i) => {
    const r = await call('POST', '/cart/items', { token: p.token, body: { drug_id: otc[i % otc.length], quantity: 1 } })
    assert.equal(r.status, 201, JSON.stringify(r.json))
  })

  // Fire all 200 at once; kill the process once a quarter of them were answered.
  const answers: Array<{ status: number; order_id?: string } | { error: string }> = new Array(N)
  let answered = 0
  let killed = false
  const fired = patients.map((p, i) =>
    call('POST', '/cart/checkout', { token: p.token, body: { payment_method: 'pm_card_visa' }, headers: { 'idempotency-key': p.key } })
      .then(
        (r) => {
          answers[i] = { status: r.status, order_id: r.json?.order_id }
        },
        (e) => {
          answers[i] = { error: String(e) }
        },
      )
      .finally(() => {
        if (++answered >= N / 4 && !killed) {
          killed = true
          proc!.child.kill('SIGKILL')
        }
      }),
  )
  await Promise.all(fired)
  assert.ok(killed, 'the process was killed mid-run')
  await new Promise<void>((resolve) =>
    proc!.child.exitCode !== null || proc!.child.signalCode ? resolve() : proc!.child.once('exit', () => resolve()),
  )
  const ok = answers.filter((a): a is { status: number; order_id: string } => 'status' in a && a.status === 201)
  const lost = answers.filter((a) => 'error' in a).length
  assert.ok(ok.length > 0 && lost > 0, `some answered (${ok.length}) and some cut off (${lost}) by the kill`)
  for (const a of answers) if ('status' in a) assert.ok([201, 409, 503].includes(a.status), `unexpected answer ${a.status}`)

  // Restart on the same data and let the recovery jobs finish.
  proc = await startServer([], env)
  await until(
    'no checkout left pending, every cancellation compensated',
    async () => {
      const [r] = await sql(
        dbUrl,
        `SELECT count(*)::int AS n FROM orders.orders WHERE order_status = 'pending' OR (order_status = 'cancelled' AND compensated_at IS NULL)`,
      )
      return r.n === 0
    },
    120_000,
  )
  await until(
    'every held reservation belongs to a paid order',
    async () => {
      const [r] = await sql(
        dbUrl,
        `SELECT count(*)::int AS n FROM inventory.reservations r LEFT JOIN orders.orders o ON o.order_id = r.order_id
      WHERE r.status = 'held' AND (o.order_id IS NULL OR o.order_status NOT IN ('paid', 'awaiting_verification'))`,
      )
      return r.n === 0
    },
    120_000,
  )
  const schemas = (
    await sql<{ s: string }>(dbUrl, `SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'outbox'`)
  ).map((r) => r.s)
  await until(
    'every outbox drained',
    async () => {
      for (const s of schemas) if ((await sql(dbUrl, `SELECT 1 FROM ${s}.outbox WHERE published_at IS NULL LIMIT 1`)).length) return false
      return true
    },
    60_000,
  )

  // Every checkout answered 201 exists, paid and captured.
  const orders = await sql<{ order_id: string; order_status: string; payment_status: string }>(
    dbUrl,
    `SELECT order_id, order_status, payment_status FROM orders.orders WHERE order_id = ANY($1::uuid[])`,
    [ok.map((a) => a.order_id)],
  )
  assert.equal(orders.length, ok.length)
  for (const o of orders) assert.deepEqual([o.order_status, o.payment_status], ['paid', 'captured'])
  // Nothing charged twice: one intent per order at most, and money kept only for paid orders.
  const intents = await sql<{ order_id: string; n: number; kept: number }>(
    dbUrl,
    `SELECT replace(idempotency_key, 'order:', '') AS order_id, count(*)::int AS n,
      sum(amount_received - amount_refunded)::int AS kept FROM orders.local_payment_intents GROUP BY 1`,
  )
  for (const i of intents) assert.equal(i.n, 1, `order ${i.order_id} has ${i.n} payment intents`)
  const status = new Map(
    (
      await sql<{ order_id: string; order_status: string; total_amount: string }>(
        dbUrl,
        `SELECT order_id::text, order_status, total_amount FROM orders.orders`,
      )
    ).map((o) => [o.order_id, o]),
  )
  for (const i of intents) {
    const o = status.get(i.order_id)
    if (o?.order_status === 'paid') assert.equal(i.kept, Number(o.total_amount), `paid order ${i.order_id} charged once`)
    else assert.equal(i.kept, 0, `order ${i.order_id} (${o?.order_status ?? 'unknown'}) keeps no money`)
  }
  // Every patient ends with at most one order that was not refused (a retried key never made two).
  const perPatient = await sql<{ n: number }>(
    dbUrl,
    `SELECT count(*)::int AS n FROM orders.orders WHERE order_status <> 'cancelled' GROUP BY patient_id HAVING count(*) > 1`,
  )
  assert.equal(perPatient.length, 0)
  const counts: Record<string, number> = {}
  for (const a of answers) {
    const k = 'status' in a ? String(a.status) : 'cut off'
    counts[k] = (counts[k] ?? 0) + 1
  }
  console.log(
    `kill test: answers ${JSON.stringify(counts)}; ${orders.length} answered orders found paid; ${intents.length} payment intents checked`,
  )
})
