import { randomUUID } from 'node:crypto'
import { isUniqueViolation, type Publish, type Tx } from '@apotheca/kernel'
import type { PrescriptionDraft } from '../domain/intake.ts'
import { nextStatus, type PrescriptionAction } from '../domain/prescription-status.ts'
import {
  findByNcpdpMessage,
  insertHistory,
  insertPrescription,
  updateStatus,
  type PrescriptionRow,
  type StatusSet,
} from '../db/prescription.repository.ts'
import { publishReceived, publishReviewRequested, publishStatusChanged } from '../events/prescription-events.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** A recorded prescription, and whether it was there already (a resent NCPDP message). */
export interface Recorded {
  row: PrescriptionRow
  duplicate: boolean
}

/**
 * Records drafts in one transaction: each is `received` and asks for its automated review by an
 * event (validation and DUR run in the review consumer, not here, so intake stays fast under a
 * spike), or is archived as medication history (inactive). Callers have asked the catalog before:
 * no outside call happens while the transaction is open.
 */
export async function recordDrafts(
  deps: Pick<PrescriptionsDeps, 'db' | 'publish'>,
  drafts: PrescriptionDraft[],
  actor: string,
): Promise<Recorded[]> {
  const run = () =>
    deps.db.transaction(async (tx) => {
      const out: Recorded[] = []
      for (const d of drafts) out.push(await recordOne(deps.publish, tx, d, actor))
      return out
    })
  try {
    return await run()
  } catch (err) {
    // Two deliveries of one NCPDP message raced: the second attempt finds the first one's prescription.
    if (isUniqueViolation(err)) return run()
    throw err
  }
}

/** Records one draft in the caller's transaction (received, with its review request, or archived as history). */
export async function recordOne(publish: Publish, tx: Tx, d: PrescriptionDraft, actor: string): Promise<Recorded> {
  if (d.channel === 'ncpdp' && d.source.message_id) {
    const seen = await findByNcpdpMessage(tx, d.source.message_id)
    if (seen) return { row: seen, duplicate: true }
  }
  let row = await insertPrescription(tx, randomUUID(), d)
  await insertHistory(tx, { prescription_id: row.prescription_id, from: null, to: 'received', reason: `received via ${d.channel}`, actor })
  await publishReceived(publish, tx, row)
  if (d.final === 'inactive') row = await move(publish, tx, row, 'archive', d.reason, actor)
  else await publishReviewRequested(publish, tx, row)
  return { row, duplicate: false }
}

/** Applies one legal transition with its history line and event; an illegal one is a bug here. */
export async function move(
  publish: Publish,
  tx: Tx,
  row: PrescriptionRow,
  action: PrescriptionAction,
  reason: string | null,
  actor: string | null,
  set: StatusSet = {},
): Promise<PrescriptionRow> {
  const to = nextStatus(row.status, action)
  if (!to) throw new Error(`illegal transition ${row.status} --${action}-->`)
  const next = await updateStatus(tx, row.prescription_id, to, set)
  await insertHistory(tx, { prescription_id: row.prescription_id, from: row.status, to, reason, actor })
  await publishStatusChanged(publish, tx, next, { from: row.status, to, reason, actor })
  return next
}
