import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { internalTokens } from '@apotheca/kernel'
import type { TestRuntime } from '@apotheca/kernel/testing'

/** A pharmacist token whose second factor was proved `secondsAgo` ago (for step-up checks). */
export async function staleMfaToken(rt: TestRuntime, secondsAgo: number): Promise<string> {
  const realNow = Date.now
  Date.now = () => realNow() - secondsAgo * 1000
  try { return await rt.token('pharmacist', { mfa: true }) } finally { Date.now = realNow }
}

/** A service-to-service token, as orders would show when it asks about a prescription. */
export async function internalToken(rt: TestRuntime): Promise<string> {
  const secrets = JSON.parse(readFileSync(join(rt.dataDir, 'secrets.json'), 'utf8'))
  return internalTokens(secrets.internal_secret, 'orders').mint()
}

/** Event types this service wrote to its outbox for one aggregate, in order. */
export async function outboxTypes(rt: TestRuntime, aggregateId: string): Promise<string[]> {
  const { rows } = await rt.db.query<{ type: string }>(`SELECT type FROM prescriptions.outbox WHERE aggregate_id = $1 ORDER BY seq`, [aggregateId])
  return rows.map((r) => r.type)
}

/** Today as an ISO date (UTC), and a date some days away. */
export const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)
