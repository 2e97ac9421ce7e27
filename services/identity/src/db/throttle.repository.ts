import type { Sql } from '@apotheca/kernel'

/** Seconds until the latest lock among these keys ends; 0 when none is locked. */
export async function lockedFor(db: Sql, keys: string[]): Promise<number> {
  const { rows } = await db.query<{ seconds: number | null }>(
    /* sql */ `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
     FROM identity.sign_in_failures WHERE throttle_key = ANY($1::text[]) AND locked_until > now()`,
    [keys],
  )
  return Math.max(0, Number(rows[0]?.seconds ?? 0))
}

/**
 * Counts one failure in the key's window (a window older than `windowSeconds` starts again); at
 * `limit` failures the key is locked for `lockSeconds` and its count starts again. True when it locked.
 */
export async function countFailure(db: Sql, key: string, limit: number, windowSeconds: number, lockSeconds: number): Promise<boolean> {
  const { rows } = await db.query<{ failures: number }>(
    /* sql */ `INSERT INTO identity.sign_in_failures AS f (throttle_key, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (throttle_key) DO UPDATE SET
       failures = CASE WHEN f.window_started_at < now() - $2::int * interval '1 second' THEN 1 ELSE f.failures + 1 END,
       window_started_at = CASE WHEN f.window_started_at < now() - $2::int * interval '1 second' THEN now() ELSE f.window_started_at END
     RETURNING failures`,
    [key, windowSeconds],
  )
  if (Number(rows[0]!.failures) < limit) return false
  await db.query(
    /* sql */ `UPDATE identity.sign_in_failures SET failures = 0, window_started_at = now(), locked_until = now() + $2::int * interval '1 second'
     WHERE throttle_key = $1`,
    [key, lockSeconds],
  )
  return true
}

/** Forgets the failures of a key (after a successful sign-in). */
export async function clearFailures(db: Sql, key: string): Promise<void> {
  await db.query(/* sql */ `DELETE FROM identity.sign_in_failures WHERE throttle_key = $1`, [key])
}
