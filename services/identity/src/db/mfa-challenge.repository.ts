import type { Sql } from '@apotheca/kernel'

/** A pending second-factor sign-in. */
export interface ChallengeRow {
  challenge_id: string
  account_id: string
  attempts: number
  expired: boolean
  consumed: boolean
}

/** Opens a challenge that expires after `seconds`. */
export async function insertChallenge(tx: Sql, challengeId: string, accountId: string, seconds: number): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO identity.mfa_challenges (challenge_id, account_id, expires_at) VALUES ($1, $2, now() + $3::int * interval '1 second')`,
    [challengeId, accountId, seconds],
  )
}

/** The challenge, held for this transaction (attempts are counted one at a time). */
export async function lockChallenge(tx: Sql, challengeId: string): Promise<ChallengeRow | null> {
  const { rows } = await tx.query<ChallengeRow>(
    /* sql */ `SELECT challenge_id, account_id, attempts, expires_at < now() AS expired, consumed_at IS NOT NULL AS consumed
     FROM identity.mfa_challenges WHERE challenge_id = $1 FOR UPDATE`,
    [challengeId],
  )
  return rows[0] ?? null
}

/** Counts a wrong code against the challenge. */
export async function recordFailedAttempt(tx: Sql, challengeId: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.mfa_challenges SET attempts = attempts + 1 WHERE challenge_id = $1`, [challengeId])
}

/** Marks the challenge used: its token cannot be presented again. */
export async function consumeChallenge(tx: Sql, challengeId: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.mfa_challenges SET consumed_at = now() WHERE challenge_id = $1`, [challengeId])
}

/** Deletes challenges that expired more than an hour ago; returns how many. */
export async function deleteExpiredChallenges(db: Sql): Promise<number> {
  const r = await db.query(/* sql */ `DELETE FROM identity.mfa_challenges WHERE expires_at < now() - interval '1 hour'`)
  return r.rowCount
}
