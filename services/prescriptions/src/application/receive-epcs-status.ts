import type { Answer, Publish, Tx } from '@apotheca/kernel'
import { nextStatus } from '../domain/prescription-status.ts'
import { insertHistory, lockPrescription, type PrescriptionRow } from '../db/prescription.repository.ts'
import { recordEpcsMessage, setEpcsOutcome } from '../db/epcs-message.repository.ts'
import { publishEpcsStatus } from '../events/prescription-events.ts'
import { move } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** A status message from the e-prescribing network (the kernel checked its signature and timestamp). */
export interface EpcsStatusInput {
  message_id: string
  prescription_id: string
  status: string
  reason?: string | undefined
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ACTOR = 'epcs-network'

/**
 * Records a network status message exactly once (by message_id): a redelivery answers
 * `duplicate: true` and changes nothing. A known prescription gets a history note, and
 * `cancelled` cancels it while that is legal. A message about a prescription we do not (yet)
 * know is still recorded and answered 202: the network does not promise order.
 */
export async function receiveEpcsStatus(deps: PrescriptionsDeps, m: EpcsStatusInput): Promise<Answer> {
  return deps.db.transaction(async (tx) => {
    const p = UUID.test(m.prescription_id) ? await lockPrescription(tx, m.prescription_id.toLowerCase()) : null
    const fresh = await recordEpcsMessage(tx, {
      message_id: m.message_id,
      prescription_id: m.prescription_id,
      status: m.status,
      known: !!p,
      outcome: 'recorded',
    })
    if (!fresh) return { status: 200, body: { status: 'accepted', message_id: m.message_id, duplicate: true } }
    const outcome = p ? await apply(deps.publish, tx, p, m) : 'recorded (prescription unknown)'
    await setEpcsOutcome(tx, m.message_id, outcome)
    await publishEpcsStatus(deps.publish, tx, m)
    return { status: p ? 200 : 202, body: { status: 'accepted', message_id: m.message_id, prescription_known: !!p, outcome } }
  })
}

async function apply(publish: Publish, tx: Tx, p: PrescriptionRow, m: EpcsStatusInput): Promise<string> {
  const why = `e-prescribing network: ${m.status}${m.reason ? ` (${m.reason.slice(0, 200)})` : ''} [message ${m.message_id.slice(0, 100)}]`
  if (m.status === 'cancelled' && nextStatus(p.status, 'cancel')) {
    await move(publish, tx, p, 'cancel', `cancelled by the prescriber; ${why}`, ACTOR)
    return 'cancelled'
  }
  await insertHistory(tx, { prescription_id: p.prescription_id, from: p.status, to: p.status, reason: why, actor: ACTOR })
  return m.status === 'cancelled' ? `cancel refused: the prescription is ${p.status}` : 'noted'
}
