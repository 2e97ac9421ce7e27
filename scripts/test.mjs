#!/usr/bin/env node
// Runs the test suite with Node's test runner (TypeScript through tsx).
//   npm test                      unit + embedded (PGlite) tiers, and the PostgreSQL/Kafka tier when
//                                 APOTHECA_TEST_DATABASE_URL / APOTHECA_TEST_KAFKA_BROKERS are set
//   CI=true npm test              the PostgreSQL/Kafka tier is required: missing servers fail the run
//   npm test -- path/to/x.test.ts only those files
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, rmSync, renameSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
const explicit = args.filter((a) => a.endsWith('.ts'))

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) find(p, out)
    else if (name.endsWith('.test.ts')) out.push(relative(root, p))
  }
  return out
}

let files = explicit.length
  ? explicit
  : ['packages', 'services', 'apps'].flatMap((d) => (existsSync(join(root, d)) ? find(join(root, d)) : []))
const needsServers = (f) => f.includes('.pg.test.ts') || f.includes('.kafka.test.ts')
const serversReady = !!process.env.APOTHECA_TEST_DATABASE_URL && !!process.env.APOTHECA_TEST_KAFKA_BROKERS
if (!serversReady) {
  const gated = files.filter(needsServers)
  if (gated.length && process.env.CI === 'true') {
    console.error('CI needs PostgreSQL and Kafka: set APOTHECA_TEST_DATABASE_URL and APOTHECA_TEST_KAFKA_BROKERS (.ci/run does)')
    process.exit(1)
  }
  if (gated.length) {
    console.log(
      `PostgreSQL/Kafka tier not run (${gated.length} files): start the servers with scripts/services/postgres.sh start and scripts/services/kafka.sh start, then set APOTHECA_TEST_DATABASE_URL and APOTHECA_TEST_KAFKA_BROKERS.`,
    )
    files = files.filter((f) => !needsServers(f))
  }
}

// A PGlite data folder with PostGIS and pg_trgm created once, copied by each test runtime.
const template = join(root, '.tmp', 'pglite-template')
if (!existsSync(join(template, 'pglite', 'PG_VERSION'))) {
  const tmp = `${template}.partial`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/make-pglite-template.ts'), tmp], {
    stdio: 'inherit',
    cwd: root,
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
  rmSync(template, { recursive: true, force: true })
  renameSync(tmp, template)
}

const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, APOTHECA_TEST_PGLITE_TEMPLATE: join(template, 'pglite') },
})
process.exit(r.status ?? 1)
