/** When identity's token-signing keys rotate. Times are milliseconds. */
export const KEY_POLICY = {
  /** A key signs for 30 days, then a successor takes over. */
  rotateAfterMs: 30 * 86_400_000,
  /** A successor is published this long before it signs: longer than any verifier caches the JWKS (60 s). */
  publishAheadMs: 10 * 60_000,
  /** A predecessor stays published until every access token it signed (15 minutes at most) has expired. */
  retireAfterMs: 16 * 60_000,
}

/** A published key as rotation sees it. */
export interface PublishedKey {
  kid: string
  activates_at: string
}

/** What a rotation does: make a successor (active at once only when the old keys are compromised), and retire keys. */
export interface RotationPlan {
  create: 'none' | 'ahead' | 'now'
  retire: string[]
}

/**
 * Plans a rotation at `now`: on schedule (the signing key is older than the policy allows), on an
 * administrator's request (a successor published ahead as on schedule, unless one already waits),
 * or because the keys are compromised (a successor signs at once and every other key is retired,
 * so every token they signed stops verifying). Predecessors of the signing key are retired once
 * their tokens have expired.
 */
export function planRotation(keys: PublishedKey[], now: number, reason: 'scheduled' | 'requested' | 'compromised'): RotationPlan {
  if (reason === 'compromised') return { create: 'now', retire: keys.map((k) => k.kid) }
  const at = (k: PublishedKey) => Date.parse(k.activates_at)
  const signing = keys.filter((k) => at(k) <= now).sort((a, b) => at(b) - at(a))[0]
  const waiting = keys.some((k) => at(k) > now)
  if (!signing) return { create: waiting ? 'none' : 'now', retire: [] }
  const due = reason === 'requested' || now - at(signing) >= KEY_POLICY.rotateAfterMs
  const retire = now - at(signing) >= KEY_POLICY.retireAfterMs ? keys.filter((k) => at(k) < at(signing)).map((k) => k.kid) : []
  return { create: due && !waiting ? 'ahead' : 'none', retire }
}
