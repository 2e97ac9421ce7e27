#!/usr/bin/env node
// Kafka client smoke test / benchmark for Apotheca (see docs/adr/0002-kafka-client.md).
//
// Usage:
//   scripts/services/kafka.sh start
//   node scripts/services/kafka-smoke.mjs [--client platformatic|kafkajs|all]
//        [--protocol consumer|classic] [--brokers 127.0.0.1:19092] [--bulk 10000] [--defaults]
//        [--no-guard]
//
// The candidate clients are installed on first use into $KAFKA_SMOKE_DIR (default
// /tmp/kafka-smoke) with their own package.json, never into the monorepo.
//
// Per client it:
//   1. creates a topic with 3 partitions,
//   2. starts a consumer group of 2 consumers (manual commit after each processed message)
//      and measures join / rebalance time,
//   3. produces 300 keyed messages (30 keys x 10) with the idempotent producer, acks=all,
//   4. checks every message arrives exactly once and per-key order holds,
//   5. closes one consumer (rebalance to 1), restarts it (rebalance to 2), produces 60 more and
//      checks nothing committed is processed again,
//   6. closes everything, starts a fresh consumer in the same group and checks it gets nothing
//      old (resumes from the committed offsets),
//   7. rebalances (join, leave, join) while producing and reports redeliveries (informational),
//   8. measures bulk produce / consume throughput and time-to-first-message of a new group.
// Exit code 0 only if every checked client passed.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : def
}
const BROKERS = opt('brokers', process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',')
const CLIENT = opt('client', 'all')
const PROTOCOL = opt('protocol', 'consumer') // platformatic only: consumer (KIP-848, chosen) | classic
const BULK = Number(opt('bulk', '10000'))
// --defaults: library default group/fetch/retry timings instead of the test-tuned ones below
const TUNED = !args.includes('--defaults')
// --no-guard: do not drop records of partitions this member no longer owns (platformatic only)
const GUARD = !args.includes('--no-guard')
const SMOKE_DIR = process.env.KAFKA_SMOKE_DIR ?? '/tmp/kafka-smoke'
const VERSIONS = { kafkajs: '2.2.4', '@platformatic/kafka': '1.35.0' }

// ---------------------------------------------------------------- helpers
const now = () => performance.now()
const ms = (t) => `${Math.round(t)} ms`
const sleep = (t) => new Promise((r) => setTimeout(r, t))
async function waitFor(what, pred, timeout = 30000) {
  const t0 = now()
  while (!(await pred())) {
    if (now() - t0 > timeout) throw new Error(`timeout after ${timeout} ms waiting for ${what}`)
    await sleep(10)
  }
  return now() - t0
}
function check(cond, msg) {
  if (!cond) throw new Error(`CHECK FAILED: ${msg}`)
  console.log(`    ok  ${msg}`)
}

function ensureInstalled() {
  mkdirSync(SMOKE_DIR, { recursive: true })
  const pkg = join(SMOKE_DIR, 'package.json')
  const missing = Object.keys(VERSIONS).some((n) => !existsSync(join(SMOKE_DIR, 'node_modules', n, 'package.json')))
  if (!existsSync(pkg) || missing) {
    writeFileSync(pkg, JSON.stringify({ name: 'kafka-smoke', private: true, dependencies: VERSIONS }, null, 2))
    console.log(
      `installing ${Object.entries(VERSIONS)
        .map(([n, v]) => `${n}@${v}`)
        .join(' ')} into ${SMOKE_DIR}`,
    )
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: SMOKE_DIR, stdio: 'inherit' })
  }
  return createRequire(pkg)
}

// ---------------------------------------------------------------- adapters
// Common shape:
//   createTopic(name, partitions)
//   producer() -> { send([{key, value}]) , close() }
//   consumer({groupId, topic, handler}) -> { assigned(): number[] | null, close() }
//     handler(msg) is awaited, then the offset is committed (manual commit) unless commit=false

async function kafkajsAdapter(req) {
  const { Kafka, logLevel } = req('kafkajs')
  const kafka = new Kafka({ clientId: 'smoke', brokers: BROKERS, logLevel: logLevel.NOTHING })
  return {
    name: `kafkajs@${req('kafkajs/package.json').version}${TUNED ? '' : ' (library defaults)'}`,
    async createTopic(topic, numPartitions) {
      const admin = kafka.admin()
      await admin.connect()
      await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true })
      await admin.disconnect()
    },
    async producer() {
      const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false })
      await p.connect()
      return {
        send: (topic, msgs) => p.send({ topic, acks: -1, messages: msgs.map((m) => ({ key: m.key, value: m.value })) }),
        close: () => p.disconnect(),
      }
    },
    async consumer({ groupId, topic, handler, commit = true }) {
      const c = kafka.consumer({
        groupId,
        ...(TUNED ? { sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 10000, maxWaitTimeInMs: 500 } : {}),
      })
      let assigned = null
      c.on(c.events.GROUP_JOIN, (e) => {
        assigned = e.payload.memberAssignment[topic] ?? []
      })
      c.on(c.events.REBALANCING, () => {
        assigned = null
      })
      await c.connect()
      await c.subscribe({ topics: [topic], fromBeginning: true })
      await c.run({
        autoCommit: false,
        eachMessage: async ({ topic: t, partition, message }) => {
          await handler({
            topic: t,
            partition,
            key: message.key.toString(),
            value: message.value.toString(),
            offset: BigInt(message.offset),
          })
          if (commit) await c.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }])
        },
      })
      return { assigned: () => assigned, close: () => c.disconnect() }
    },
  }
}

// retryDelay: 100 — the default 1000 ms is paid whenever a produce hits NOT_LEADER_OR_FOLLOWER
// right after createTopics (leader metadata not yet propagated), which happens often in tests.
async function platformaticAdapter(req) {
  const entry = req.resolve('@platformatic/kafka')
  const { Admin, Producer, Consumer, stringSerializers, stringDeserializers, ProduceAcks } = await import(pathToFileURL(entry).href)
  const retry = TUNED ? { retryDelay: 100 } : {}
  const version = JSON.parse(readFileSync(join(SMOKE_DIR, 'node_modules/@platformatic/kafka/package.json'), 'utf8')).version
  return {
    name: `@platformatic/kafka@${version} (${PROTOCOL} group protocol${TUNED ? '' : ', library defaults'}${GUARD ? '' : ', no ownership guard'})`,
    async createTopic(topic, partitions) {
      const admin = new Admin({ clientId: 'smoke-admin', bootstrapBrokers: BROKERS, ...retry })
      await admin.createTopics({ topics: [topic], partitions, replicas: 1 })
      await admin.close()
    },
    async producer() {
      const p = new Producer({
        clientId: 'smoke-producer',
        bootstrapBrokers: BROKERS,
        serializers: stringSerializers,
        idempotent: true,
        acks: ProduceAcks.ALL,
        autocreateTopics: false,
        ...retry,
      })
      return {
        send: (topic, msgs) => p.send({ messages: msgs.map((m) => ({ topic, key: m.key, value: m.value })) }),
        close: () => p.close(),
      }
    },
    async consumer({ groupId, topic, handler, commit = true }) {
      const groupOpts =
        PROTOCOL === 'consumer'
          ? { groupProtocol: 'consumer' }
          : TUNED
            ? { sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 10000 }
            : {}
      const c = new Consumer({
        clientId: 'smoke-consumer',
        groupId,
        bootstrapBrokers: BROKERS,
        deserializers: stringDeserializers,
        ...(TUNED ? { maxWaitTime: 500 } : {}),
        ...retry,
        ...groupOpts,
      })
      const stream = await c.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false })
      let failure = null
      // Ownership guard. @platformatic/kafka (1.35.0 and 2.12.1) pushes records from a fetch that
      // was in flight when the partition was revoked, so the old and the new owner both process
      // them (duplicates, broken per-key order). Skip (and do not commit) such records: the new
      // owner reads them from the committed offset.
      const owns = (m) => (c.assignments ?? []).some((a) => a.topic === m.topic && a.partitions.includes(m.partition))
      let skipped = 0
      const loop = (async () => {
        for await (const m of stream) {
          if (GUARD && !owns(m)) {
            skipped++
            continue
          }
          await handler({ topic: m.topic, partition: m.partition, key: m.key, value: m.value, offset: m.offset })
          if (commit) await m.commit()
        }
      })().catch((e) => {
        failure = e
      })
      return {
        assigned: () => {
          if (failure) throw failure
          if (!c.isActive()) return null
          const a = (c.assignments ?? []).find((x) => x.topic === topic)
          return a ? a.partitions : []
        },
        close: async () => {
          if (skipped) console.log(`    (ownership guard skipped ${skipped} records of revoked partitions)`)
          await stream.close()
          await loop
          await c.close()
        },
      }
    },
  }
}

// ---------------------------------------------------------------- scenario
async function runScenario(adapter) {
  console.log(`\n=== ${adapter.name} against ${BROKERS.join(',')}`)
  const results = { client: adapter.name }
  const run = `${Date.now()}`
  const topic = `smoke-${run}`
  const groupId = `smoke-group-${run}`

  let t = now()
  await adapter.createTopic(topic, 3)
  results.createTopicMs = now() - t
  console.log(`  create topic (3 partitions): ${ms(results.createTopicMs)}`)

  // received log shared by all consumers of the group
  const received = [] // {consumer, key, seq, partition}
  const mkHandler = (name) => async (m) => {
    const [key, seq] = [m.key, Number(m.value.split(':')[1])]
    received.push({ consumer: name, key, seq, partition: m.partition, at: now() })
  }
  const liveAssigned = (cs) => cs.map((c) => c.assigned())
  const fullySpread = (cs) => () => {
    const a = liveAssigned(cs)
    if (a.some((x) => !x || x.length === 0)) return false
    const all = a.flat().sort()
    return all.length === 3 && all.join() === '0,1,2'
  }

  // --- group of 2
  t = now()
  const c1 = await adapter.consumer({ groupId, topic, handler: mkHandler('c1') })
  await waitFor('c1 assignment', fullySpread([c1]))
  results.firstJoinMs = now() - t
  console.log(`  consumer 1 joined, owns partitions ${c1.assigned()}: ${ms(results.firstJoinMs)}`)
  t = now()
  let c2 = await adapter.consumer({ groupId, topic, handler: mkHandler('c2') })
  await waitFor('rebalance to 2 consumers', fullySpread([c1, c2]))
  results.rebalanceTo2Ms = now() - t
  console.log(`  consumer 2 joined, rebalance done (c1=${c1.assigned()} c2=${c2.assigned()}): ${ms(results.rebalanceTo2Ms)}`)

  // --- produce 300 keyed messages
  const producer = await adapter.producer()
  const keys = Array.from({ length: 30 }, (_, i) => `rx-${String(i).padStart(2, '0')}`)
  const nextSeq = new Map(keys.map((k) => [k, 0]))
  const batchOf = (n) =>
    Array.from({ length: n }, (_, i) => {
      const key = keys[i % keys.length]
      const seq = nextSeq.get(key)
      nextSeq.set(key, seq + 1)
      return { key, value: `${key}:${seq}` }
    })
  t = now()
  const first = batchOf(300)
  for (let i = 0; i < first.length; i += 50) await producer.send(topic, first.slice(i, i + 50))
  results.produce300Ms = now() - t
  const produceDone = now()
  console.log(`  produced 300 keyed messages (6 sends of 50, idempotent, acks=all): ${ms(results.produce300Ms)}`)

  await waitFor('300 messages consumed', () => received.length >= 300)
  results.consume300Ms = now() - produceDone
  console.log(`  consumed 300 with manual commit per message: ${ms(results.consume300Ms)} after produce finished`)
  await sleep(300)

  const verify = (expected, label) => {
    const seen = new Set(received.map((r) => `${r.key}:${r.seq}`))
    if (received.length !== seen.size) {
      // diagnostics: who processed which duplicate, from which partition
      const counts = new Map()
      for (const r of received)
        counts.set(`${r.key}:${r.seq}`, [...(counts.get(`${r.key}:${r.seq}`) ?? []), `${r.consumer}/p${r.partition}`])
      const dups = [...counts].filter(([, v]) => v.length > 1)
      const byWho = {}
      for (const [, v] of dups) for (const w of v) byWho[w] = (byWho[w] ?? 0) + 1
      console.log(`    duplicates: ${dups.length} messages delivered twice; deliveries per consumer/partition: ${JSON.stringify(byWho)}`)
    }
    check(received.length === expected, `${label}: ${received.length} deliveries == ${expected} produced (no duplicates)`)
    check(seen.size === expected, `${label}: all ${expected} distinct messages arrived`)
    const last = new Map()
    let inOrder = true
    for (const r of received) {
      const prev = last.get(r.key) ?? -1
      if (r.seq !== prev + 1) inOrder = false
      last.set(r.key, r.seq)
    }
    check(inOrder, `${label}: per-key order kept (each key seen 0,1,2,... in order)`)
  }
  verify(300, 'phase 1')
  const byC = received.reduce((m, r) => ({ ...m, [r.consumer]: (m[r.consumer] ?? 0) + 1 }), {})
  check(Object.keys(byC).length === 2, `both consumers got work: ${JSON.stringify(byC)}`)

  // --- close c2 -> c1 takes over; restart c2 -> rebalance; no reprocessing
  t = now()
  await c2.close()
  results.closeConsumerMs = now() - t
  t = now()
  await waitFor('c1 owns all partitions', fullySpread([c1]))
  results.rebalanceTo1Ms = now() - t
  console.log(`  consumer 2 closed (${ms(results.closeConsumerMs)}), c1 owns ${c1.assigned()} after ${ms(results.rebalanceTo1Ms)}`)
  t = now()
  c2 = await adapter.consumer({ groupId, topic, handler: mkHandler('c2b') })
  await waitFor('rebalance after restart', fullySpread([c1, c2]))
  results.restartRebalanceMs = now() - t
  console.log(`  consumer 2 restarted, rebalance done (c1=${c1.assigned()} c2=${c2.assigned()}): ${ms(results.restartRebalanceMs)}`)
  await sleep(500)
  check(received.length === 300, `restarted consumer re-processed nothing (still 300 deliveries)`)
  await producer.send(topic, batchOf(60))
  await waitFor('360 messages consumed', () => received.length >= 360)
  await sleep(300)
  verify(360, 'phase 2')
  check(
    received.slice(300).some((r) => r.consumer === 'c2b'),
    'restarted consumer processes new messages',
  )

  // --- everything down, fresh member of the same group resumes at committed offsets
  t = now()
  await Promise.all([c1.close(), c2.close()])
  results.closeBothMs = now() - t
  await producer.send(topic, batchOf(30))
  const before = received.length
  t = now()
  const c3 = await adapter.consumer({ groupId, topic, handler: mkHandler('c3') })
  await waitFor('30 new messages after full restart', () => received.length >= before + 30)
  results.resumeFirstBatchMs = now() - t
  await sleep(500)
  verify(390, 'phase 3 (full restart)')
  check(
    received.slice(before).every((r) => r.consumer === 'c3'),
    'after full restart only the 30 new messages were delivered',
  )
  await c3.close()

  // --- rebalance under load (informational: at-least-once allows redelivery here, we count it)
  {
    const loadTopic = `smoke-load-${run}`
    await adapter.createTopic(loadTopic, 3)
    const got = []
    const h = (name) => async (m) => {
      got.push({ consumer: name, key: m.key, seq: Number(m.value.split(':')[1]) })
    }
    const g = `${groupId}-load`
    const a1 = await adapter.consumer({ groupId: g, topic: loadTopic, handler: h('a1') })
    await waitFor('a1 assignment', fullySpread([a1]))
    const seqs = new Map()
    let a2
    let a3
    for (let i = 0; i < 30; i++) {
      const msgs = Array.from({ length: 20 }, (_, j) => {
        const key = keys[j % keys.length]
        const seq = seqs.get(key) ?? 0
        seqs.set(key, seq + 1)
        return { key, value: `${key}:${seq}` }
      })
      await producer.send(loadTopic, msgs)
      if (i === 5) a2 = await adapter.consumer({ groupId: g, topic: loadTopic, handler: h('a2') }) // join
      if (i === 15) await a1.close() // leave
      if (i === 20) a3 = await adapter.consumer({ groupId: g, topic: loadTopic, handler: h('a3') }) // join
      await sleep(25)
    }
    const total = 600
    const distinct = () => new Set(got.map((r) => `${r.key}:${r.seq}`)).size
    await waitFor('all load messages', () => distinct() >= total, 60000)
    await sleep(1000)
    let backwards = 0
    const maxSeen = new Map()
    for (const r of got) {
      const prev = maxSeen.get(r.key) ?? -1
      if (r.seq < prev) backwards++
      maxSeen.set(r.key, Math.max(prev, r.seq))
    }
    results.underLoad = {
      produced: total,
      delivered: got.length,
      distinct: distinct(),
      duplicates: got.length - distinct(),
      keyOrderRegressions: backwards,
    }
    console.log(`  rebalance under load (join, leave, join while producing 600): ${JSON.stringify(results.underLoad)}`)
    check(distinct() === total, 'under load: every message delivered at least once')
    await Promise.all([a2.close(), a3.close()])
  }

  // --- throughput: bulk produce, then a brand-new group reads everything (no commit)
  const bulkTopic = `smoke-bulk-${run}`
  await adapter.createTopic(bulkTopic, 3)
  const bulk = Array.from({ length: BULK }, (_, i) => ({
    key: keys[i % keys.length],
    value: `${keys[i % keys.length]}:${i}:${'x'.repeat(200)}`,
  }))
  t = now()
  for (let i = 0; i < bulk.length; i += 500) await producer.send(bulkTopic, bulk.slice(i, i + 500))
  results.bulkProduceMs = now() - t
  results.bulkProducePerSec = BULK / (results.bulkProduceMs / 1000)
  console.log(
    `  bulk produce ${BULK} x ~250 B (sends of 500): ${ms(results.bulkProduceMs)} = ${Math.round(results.bulkProducePerSec)} msg/s`,
  )
  for (const commit of [false, true]) {
    let n = 0
    let firstAt = 0
    t = now()
    const cb = await adapter.consumer({
      groupId: `${groupId}-bulk-${commit}`,
      topic: bulkTopic,
      commit,
      handler: async () => {
        if (n++ === 0) firstAt = now()
      },
    })
    await waitFor(`${BULK} bulk messages`, () => n >= BULK, 180000)
    const label = commit ? 'Commit' : 'NoCommit'
    results[`newGroupFirstMessage${label}Ms`] = firstAt - t
    results[`bulkConsume${label}Ms`] = now() - t
    results[`bulkConsume${label}PerSec`] = BULK / ((now() - firstAt) / 1000)
    console.log(
      `  new group (${commit ? 'commit after each message' : 'no commit'}): first message after ${ms(firstAt - t)}; all ${BULK} after ${ms(now() - t)} = ${Math.round(results[`bulkConsume${label}PerSec`])} msg/s`,
    )
    await cb.close()
  }

  t = now()
  await producer.close()
  results.producerCloseMs = now() - t
  console.log(`  PASS ${adapter.name}`)
  return results
}

// ---------------------------------------------------------------- main
const req = ensureInstalled()
const wanted = CLIENT === 'all' ? ['platformatic', 'kafkajs'] : [CLIENT]
const summary = []
let failed = false
for (const name of wanted) {
  const adapter = name === 'kafkajs' ? await kafkajsAdapter(req) : await platformaticAdapter(req)
  try {
    const r = await Promise.race([
      runScenario(adapter),
      sleep(240000).then(() => {
        throw new Error('scenario timed out after 240 s')
      }),
    ])
    summary.push({ ...r, pass: true })
  } catch (e) {
    failed = true
    console.log(`  FAIL ${adapter.name}: ${e.stack ?? e}`)
    summary.push({ client: adapter.name, pass: false, error: String(e.message ?? e) })
  }
}
console.log('\nSUMMARY')
for (const s of summary) {
  console.log(JSON.stringify(s, (k, v) => (typeof v === 'number' ? Math.round(v) : v)))
}
process.exit(failed ? 1 : 0)
