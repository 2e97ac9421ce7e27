import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, rmSync } from 'node:fs'
import { freshDataDir, runWalkthrough, startServer, WALKTHROUGH, type ServerProcess } from './processes.ts'

// The acceptance walkthrough against the embedded pharmacy, started as `npm start` starts it.
let server: ServerProcess | undefined
const data = freshDataDir()
after(async () => {
  await server?.stop()
  rmSync(data, { recursive: true, force: true })
})

test('the acceptance walkthrough passes against the embedded pharmacy', { timeout: 300_000 }, async () => {
  assert.ok(existsSync(WALKTHROUGH), `the walkthrough is missing at ${WALKTHROUGH}`)
  server = await startServer([], { APOTHECA_DATA: data, APOTHECA_DEMO: '1' })
  const r = await runWalkthrough(server.url)
  assert.equal(r.code, 0, `${r.output}\n--- server output ---\n${server.output().slice(-4000)}`)
  assert.match(r.output, /walkthrough: \d+ passed, 0 failed/)
})
