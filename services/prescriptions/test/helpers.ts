import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { internalTokens } from '@apotheca/kernel'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import prescriptions from '../src/module.ts'
import { startFakeCatalog, type FakeCatalog } from './fake-catalog.ts'

/** The prescriptions module in a test runtime, asking a fake catalog (and identity) over HTTP. */
export async function startWithFakeCatalog(): Promise<{ rt: TestRuntime; catalog: FakeCatalog }> {
  const catalog = await startFakeCatalog()
  const rt = await startTestRuntime({
    modules: [prescriptions],
    env: { APOTHECA_SERVICE_URLS: `catalog=${catalog.url},identity=${catalog.url}` },
  })
  return { rt, catalog }
}

/** A pharmacist token whose second factor was proved `secondsAgo` ago (for step-up checks). */
export async function staleMfaToken(rt: TestRuntime, secondsAgo: number): Promise<string> {
  const realNow = Date.now
  Date.now = () => realNow() - secondsAgo * 1000
  try {
    return await rt.token('pharmacist', { mfa: true })
  } finally {
    Date.now = realNow
  }
}

/** A service-to-service token, as orders would show when it asks about a prescription. */
export async function internalToken(rt: TestRuntime): Promise<string> {
  const secrets = JSON.parse(readFileSync(join(rt.dataDir, 'secrets.json'), 'utf8'))
  return internalTokens(secrets.internal_secret, 'orders').mint()
}

/** Event types this service wrote to its outbox for one aggregate, in order. */
export async function outboxTypes(rt: TestRuntime, aggregateId: string): Promise<string[]> {
  const { rows } = await rt.db.query<{ type: string }>(`SELECT type FROM prescriptions.outbox WHERE aggregate_id = $1 ORDER BY seq`, [
    aggregateId,
  ])
  return rows.map((r) => r.type)
}

/** Today as an ISO date (UTC), and a date some days away. */
export const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** Waits until the review consumer has moved a prescription past received/validating; returns its status. */
export async function reviewed(rt: TestRuntime, id: string, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await rt.db.query<{ status: string }>(`SELECT status FROM prescriptions.prescriptions WHERE prescription_id = $1`, [
      id,
    ])
    const status = rows[0]?.status
    if (status && status !== 'received' && status !== 'validating') return status
    if (Date.now() > until) throw new Error(`prescription ${id} still ${status ?? 'missing'} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
