// Fuzzes the API from its own OpenAPI document with Schemathesis (npm run fuzz; .ci/run runs it):
// the embedded server (as `npm start` runs it, demo data on), every check, the stateful phase, once
// anonymous and once per role. Exits non-zero on any failure.
//   FUZZ_ROLES=patient,admin   only those roles      FUZZ_MAX_EXAMPLES=10   examples per operation
//   FUZZ_MAX_TIME=150          seconds per role      FUZZ_REPORT_DIR=…      where the JUnit reports go
//   FUZZ_PATHS='^/(drugs|catalog)'   only the operations whose path matches (a regular expression)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname
const HERE = join(ROOT, 'scripts/fuzz')
const VENV = join(ROOT, '.tmp/fuzz-venv')
const ST = join(VENV, 'bin/schemathesis')
const ROLES = (process.env.FUZZ_ROLES ?? 'anonymous,patient,practitioner,driver,pharmacist,admin').split(',')
const MAX_EXAMPLES = process.env.FUZZ_MAX_EXAMPLES ?? '12'
const MAX_TIME = process.env.FUZZ_MAX_TIME ?? '150'
const REPORTS = process.env.FUZZ_REPORT_DIR ?? join(ROOT, '.tmp/fuzz-reports')

function install() {
  if (existsSync(ST)) return
  console.log('== installing Schemathesis (PyPI) into .tmp/fuzz-venv')
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' })
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`)
  }
  run('python3', ['-m', 'venv', VENV])
  run(join(VENV, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', join(HERE, 'requirements.txt')])
}

async function startServer(): Promise<{ url: string; stop: () => void; output: () => string }> {
  const data = mkdtempSync(join(tmpdir(), 'apotheca-fuzz-'))
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      APOTHECA_DATA: data,
      APOTHECA_DEMO: '1',
      // Raised, never off: the fuzzer signs in wrongly on purpose thousands of times from one address.
      APOTHECA_SIGNIN_ACCOUNT_FAILURES: '100000',
      APOTHECA_SIGNIN_IP_FAILURES: '1000000',
      APOTHECA_RESET_ACCOUNT_REQUESTS: '100000',
      APOTHECA_RESET_IP_REQUESTS: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const stop = () => {
    child.kill('SIGTERM')
    rmSync(data, { recursive: true, force: true })
  }
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${out.slice(-3000)}`)), 240_000)
    child.stdout.on('data', () => {
      const m = /Apotheca is running at (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out.slice(-3000)}`)))
  })
  return { url: url.replace(/\/$/, ''), stop, output: () => out }
}

function fuzz(url: string, role: string): Promise<number> {
  const args = [
    'run',
    `${url}/openapi.json`,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    MAX_EXAMPLES,
    '--max-time',
    MAX_TIME,
    '--request-timeout',
    '15',
    '--generation-deterministic',
    '--no-color',
    '--report',
    'junit',
    '--report-junit-path',
    join(REPORTS, `${role}.xml`),
    ...(process.env.FUZZ_PATHS ? ['--include-path-regex', process.env.FUZZ_PATHS] : []),
  ]
  console.log(`\n== Schemathesis as ${role}`)
  const child = spawn(ST, args, {
    cwd: HERE,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_BASE_URL: url, FUZZ_ROLE: role, SCHEMATHESIS_HOOKS: 'auth', PYTHONPATH: HERE },
  })
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)))
}

install()
mkdirSync(REPORTS, { recursive: true })
const server = await startServer()
const failed: string[] = []
try {
  for (const role of ROLES) if ((await fuzz(server.url, role)) !== 0) failed.push(role)
} finally {
  server.stop()
}
const serverErrors = server
  .output()
  .split('\n')
  .filter((l) => /"level":50/.test(l))
if (serverErrors.length) console.log(`\nThe server logged ${serverErrors.length} errors; first:\n${serverErrors.slice(0, 5).join('\n')}`)
if (failed.length) {
  console.error(`\nSchemathesis found failures as: ${failed.join(', ')} (JUnit reports in ${REPORTS})`)
  process.exit(1)
}
console.log(`\nSchemathesis: no failures as ${ROLES.join(', ')}`)
