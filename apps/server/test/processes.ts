import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = new URL('../../../', import.meta.url).pathname
/** The acceptance walkthrough, kept in the repository (acceptance/walkthrough.mjs says where it came from). */
export const WALKTHROUGH = join(ROOT, 'apps/server/test/acceptance/walkthrough.mjs')

/** A server process started as `npm start` would, with its output kept for failure messages. */
export interface ServerProcess {
  url: string
  child: ChildProcess
  output: () => string
  stop(): Promise<void>
}

/** A fresh data folder, seeded from the test PGlite template when there is one (saves ~13 s). */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apotheca-proc-'))
  const template = process.env.APOTHECA_TEST_PGLITE_TEMPLATE
  if (template && existsSync(template)) cpSync(template, join(dir, 'pglite'), { recursive: true })
  return dir
}

/** Starts apps/server with these arguments and environment; resolves once it prints its URL. */
export function startServer(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => {
    out += d
  })
  child.stderr!.on('data', (d) => {
    out += d
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out.slice(-3000)}`))
    }, timeoutMs)
    child.stdout!.on('data', () => {
      const m = /Apotheca is running at (http:\/\/\S+)/.exec(out) ?? /gateway is running at (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ url: m[1]!, child, output: () => out, stop })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before serving:\n${out.slice(-3000)}`))
    })
  })
}

/** Runs the acceptance walkthrough against a base URL; answers its exit code and output. */
export function runWalkthrough(base: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WALKTHROUGH, base], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.once('exit', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** JSON calls to a started server, as a client makes them: status and parsed body. */
export function httpClient(base: string) {
  return async (method: string, path: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const r = await fetch(base + path, {
      method,
      headers: {
        ...(o.body ? { 'content-type': 'application/json' } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      ...(o.body ? { body: JSON.stringify(o.body) } : {}),
    })
    const text = await r.text()
    return { status: r.status, json: text ? JSON.parse(text) : undefined }
  }
}
