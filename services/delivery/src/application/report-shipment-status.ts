import type { ShipmentStatus } from '@apotheca/contracts'
import { Problem, canonicalJson, conflict, notFound, sha256Hex, type Database, type Publish, type Tx } from '@apotheca/kernel'
import { decideStatusUpdate, isTooFarAhead, missingProof, type Proof } from '../domain/shipment-status.ts'
import { canReport, type Reporter } from '../domain/shipment-access.ts'
import { findShipment, updateShipmentStatus, type ShipmentRow } from '../db/shipment.repository.ts'
import { insertShipmentEvent, type EventSource } from '../db/shipment-event.repository.ts'
import { updateDriverLocation } from '../db/driver.repository.ts'
import { claimCarrierMessage, findCarrierMessage, saveCarrierResponse } from '../db/carrier-message.repository.ts'
import { publishStatusChanged } from '../events/shipment.events.ts'

/** A status report as the route validated it (carriers add message_id and tracking_number). */
export interface StatusReport {
  status: ShipmentStatus
  location: { lat: number; lng: number }
  occurred_at: string
  proof?: Proof | undefined
  message_id?: string | undefined
  tracking_number?: string | undefined
}

/** The answer to a report: the shipment's status after it (unchanged when the report was late). */
export interface StatusAnswer {
  shipment_id: string
  status: ShipmentStatus
}

/**
 * Records a driver's or a carrier's status report: checks who may report, applies legal transitions
 * (409 otherwise), keeps late reports without moving the status back, and publishes the change in
 * the same transaction. A carrier message is processed once; a repeat gets the first answer.
 */
export async function reportShipmentStatus(
  deps: { db: Database; publish: Publish },
  shipmentId: string,
  report: StatusReport,
  who: Reporter,
  now = new Date(),
): Promise<StatusAnswer> {
  checkReport(report, who, now)
  return deps.db.transaction(async (tx) => {
    const s = await findShipment(tx, shipmentId, true)
    if (!s || !canReport(who, s) || (report.tracking_number && report.tracking_number !== s.tracking_number)) throw notFound('Shipment')
    if (who.kind === 'carrier') {
      const replay = await claimOrReplay(tx, s, report)
      if (replay) return replay
    }
    const answer = await applyReport(tx, deps.publish, s, report, who)
    if (who.kind === 'carrier') await saveCarrierResponse(tx, s.carrier, report.message_id!, answer)
    return answer
  })
}

/** Rules no schema can state (the server's clock, who calls, the status's proof): 422 naming the field. */
function checkReport(report: StatusReport, who: Reporter, now: Date) {
  if (isTooFarAhead(new Date(report.occurred_at), now)) {
    const why = 'is more than 10 minutes ahead of the server clock'
    throw new Problem(422, 'occurred-at-ahead', 'The report is from the future', why, {
      errors: [{ field: 'body.occurred_at', message: why }],
    })
  }
  if (who.kind === 'carrier' && !report.message_id) {
    const why = 'is required on carrier calls (they are processed once per message_id)'
    throw new Problem(422, 'message-id-required', 'A carrier call needs a message_id', why, {
      errors: [{ field: 'body.message_id', message: why }],
    })
  }
  const why = missingProof(report.status, report.proof)
  if (why)
    throw new Problem(422, 'proof-required', 'Proof of delivery required', why, {
      errors: [{ field: 'body.proof.recipient_name', message: why }],
    })
}

/** Null when the message is new (now claimed); the first answer when it was seen; 422 when its id is reused for another message. */
async function claimOrReplay(tx: Tx, s: ShipmentRow, report: StatusReport): Promise<StatusAnswer | null> {
  const request_hash = sha256Hex(canonicalJson({ shipment_id: s.shipment_id, ...report }))
  const message = { carrier: s.carrier, message_id: report.message_id!, shipment_id: s.shipment_id, request_hash }
  if (await claimCarrierMessage(tx, message)) return null
  const prior = await findCarrierMessage(tx, s.carrier, message.message_id)
  if (!prior || prior.request_hash !== request_hash || !prior.response) {
    throw new Problem(
      422,
      'message-id-reused',
      'This message_id was already used for a different message',
      'send a new message_id for a new message',
    )
  }
  return prior.response as StatusAnswer
}

async function applyReport(tx: Tx, publish: Publish, s: ShipmentRow, report: StatusReport, who: Reporter): Promise<StatusAnswer> {
  const occurredAt = new Date(report.occurred_at)
  const decision = decideStatusUpdate(s, { status: report.status, occurred_at: occurredAt })
  if (decision.kind === 'illegal') {
    throw conflict('illegal-transition', 'The shipment cannot move to this status', `${decision.from} → ${decision.to}`, {
      from: decision.from,
      to: decision.to,
    })
  }
  await insertShipmentEvent(tx, {
    shipment_id: s.shipment_id,
    status: report.status,
    location: report.location,
    occurred_at: occurredAt,
    proof: report.proof ? { ...report.proof } : null,
    source: sourceOf(who),
    actor_id: who.kind === 'user' ? who.sub : null,
    applied: decision.kind === 'apply',
  })
  if (who.kind === 'user' && who.role === 'driver' && decision.kind !== 'stale')
    await updateDriverLocation(tx, who.sub, report.location, occurredAt)
  if (decision.kind !== 'apply') return { shipment_id: s.shipment_id, status: s.status }
  await updateShipmentStatus(tx, s.shipment_id, decision.to, occurredAt)
  await publishStatusChanged(publish, tx, s, { from: decision.from, to: decision.to, occurred_at: occurredAt })
  return { shipment_id: s.shipment_id, status: decision.to }
}

const sourceOf = (who: Reporter): EventSource => (who.kind === 'carrier' ? 'carrier' : who.role === 'driver' ? 'driver' : 'staff')
