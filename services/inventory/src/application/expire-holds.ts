import { lapsedHolds } from '../db/reservation.repository.ts'
import type { InventoryDeps } from './deps.ts'
import { releaseIfLapsed } from './release-reservation.ts'

const BATCH = 100

/** Releases held reservations whose hold ran out (reason `hold_expired`); returns how many. */
export async function expireHolds(deps: InventoryDeps): Promise<number> {
  const now = deps.clock()
  let released = 0
  for (;;) {
    const ids = await lapsedHolds(deps.db, now.toISOString(), BATCH)
    let round = 0
    for (const id of ids) if (await releaseIfLapsed(deps, id, now)) round++
    released += round
    if (ids.length < BATCH || round === 0) break
  }
  if (released) deps.log.info({ released }, 'lapsed reservation holds released')
  return released
}
