import { createHash } from 'node:crypto'
import type { Database } from '../db/database.ts'
import { canonicalJson } from '../crypto/canonical.ts'
import { Problem } from './problem.ts'

/** An answer worth replaying: the status and JSON body of a successful write. */
export interface Answer {
  status: number
  body: unknown
}

/**
 * Runs a retryable write at most once per (scope, key): the same key and body replay the first
 * answer; the same key with another body is a 422. Only successes are stored, so a refused
 * request (out of stock, declined) may be retried with the same key. A key left in progress by a
 * crashed process is taken over after its lock runs out.
 */
export async function idempotent(
  db: Database,
  schema: string,
  scope: string,
  key: string | undefined,
  request: unknown,
  run: () => Promise<Answer>,
): Promise<Answer & { replayed: boolean }> {
  if (!key) return { ...(await run()), replayed: false }
  if (key.length > 255) throw new Problem(400, 'validation', 'Idempotency-Key is too long', 'at most 255 characters')
  const hash = createHash('sha256').update(canonicalJson(request)).digest('hex')
  const claimed = await db.query<{ state: string; request_hash: string; status_code: number | null; response: unknown }>(
    /* sql */ `INSERT INTO ${schema}.idempotency_keys (scope, key, request_hash, state, locked_until)
     VALUES ($1, $2, $3, 'running', now() + interval '60 seconds')
     ON CONFLICT (scope, key) DO UPDATE SET locked_until = now() + interval '60 seconds'
       WHERE ${schema}.idempotency_keys.state = 'running' AND ${schema}.idempotency_keys.locked_until < now()
         AND ${schema}.idempotency_keys.request_hash = EXCLUDED.request_hash
     RETURNING state`,
    [scope, key, hash],
  )
  if (claimed.rows.length === 0) {
    const { rows } = await db.query<{ state: string; request_hash: string; status_code: number | null; response: unknown }>(
      `SELECT state, request_hash, status_code, response FROM ${schema}.idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    )
    const row = rows[0]
    if (row && row.request_hash !== hash) {
      throw new Problem(
        422,
        'idempotency-key-reused',
        'Idempotency-Key was used with a different request',
        'use a new key for a different request',
      )
    }
    if (row?.state === 'done') return { status: row.status_code ?? 200, body: row.response, replayed: true }
    throw new Problem(409, 'request-in-progress', 'A request with this Idempotency-Key is still in progress', 'retry shortly')
  }
  try {
    const answer = await run()
    await db.query(
      `UPDATE ${schema}.idempotency_keys SET state = 'done', status_code = $3, response = $4, locked_until = NULL WHERE scope = $1 AND key = $2`,
      [scope, key, answer.status, JSON.stringify(answer.body)],
    )
    return { ...answer, replayed: false }
  } catch (err) {
    await db.query(`DELETE FROM ${schema}.idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'running'`, [scope, key])
    throw err
  }
}
