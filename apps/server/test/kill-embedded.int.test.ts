import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { freshDataDir, runWalkthrough, startServer, WALKTHROUGH, type ServerProcess } from './processes.ts'

// The embedded pharmacy killed (SIGKILL) in the middle of the walkthrough's work: PGlite's files, the
// data folder's lock and the outboxes must let `npm start` come back on the same folder and serve
// the whole walkthrough again, the audit chain included (the PostgreSQL twin is kill-checkout.pg).
let server: ServerProcess | undefined
const data = freshDataDir()
after(async () => {
  await server?.stop()
  rmSync(data, { recursive: true, force: true })
})

test(
  'killed mid-walkthrough, the embedded pharmacy restarts on its data folder and passes the walkthrough',
  { timeout: 300_000 },
  async () => {
    const env = { APOTHECA_DATA: data, APOTHECA_DEMO: '1' }
    server = await startServer([], env)
    // Killed right after the checkout answered: its payment, reservation and events are still in flight.
    const walk = spawn(process.execPath, [WALKTHROUGH, server.url], { stdio: ['ignore', 'pipe', 'pipe'] })
    const gone = new Promise((resolve) => server!.child.once('exit', resolve))
    let output = ''
    walk.stdout.on('data', (d) => {
      output += d
      if (/cart and checks out/.test(output)) server!.child.kill('SIGKILL')
    })
    const code = await new Promise<number | null>((resolve) => walk.once('exit', resolve))
    assert.ok(/cart and checks out/.test(output), `the walkthrough never reached the checkout:\n${output}`)
    await gone
    assert.notEqual(code, 0, `the kill cut the walkthrough short:\n${output}`)

    server = await startServer([], env)
    const r = await runWalkthrough(server.url)
    assert.equal(r.code, 0, `${r.output}\n--- server output ---\n${server.output().slice(-4000)}`)
    assert.match(r.output, /walkthrough: \d+ passed, 0 failed/)
  },
)
