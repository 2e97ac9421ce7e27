import type { Job } from '@apotheca/kernel'
import { nextStatus } from '../domain/prescription-status.ts'
import { utcToday } from '../domain/prescription-rules.ts'
import { findLapsed, lockPrescription } from '../db/prescription.repository.ts'
import { move } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

const BATCH = 200

/** Moves open prescriptions past their expiry date to `expired`; returns how many it moved. */
export async function expirePrescriptions(deps: Pick<PrescriptionsDeps, 'db' | 'publish'>, today = utcToday()): Promise<number> {
  let moved = 0
  for (;;) {
    const ids = await findLapsed(deps.db, today, BATCH)
    if (ids.length === 0) return moved
    const before = moved
    await deps.db.transaction(async (tx) => {
      for (const id of ids) {
        const p = await lockPrescription(tx, id)
        // Re-read under the lock: it may have been verified, cancelled or expired meanwhile.
        if (!p || !p.expiry_date || p.expiry_date >= today || !nextStatus(p.status, 'expire')) continue
        await move(deps.publish, tx, p, 'expire', `expired on ${p.expiry_date}`, 'system')
        moved++
      }
    })
    if (ids.length < BATCH || moved === before) return moved
  }
}

/** The hourly job that expires lapsed prescriptions. */
export function expiryJob(deps: Pick<PrescriptionsDeps, 'db' | 'publish'>): Job {
  return {
    name: 'expire-prescriptions',
    everyMs: 60 * 60 * 1000,
    run: async () => {
      await expirePrescriptions(deps)
    },
  }
}
