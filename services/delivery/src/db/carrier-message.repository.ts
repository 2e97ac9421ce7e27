import type { Sql } from '@apotheca/kernel'

/** A carrier message already processed: the hash of what it said and the answer it got. */
export interface CarrierMessageRow {
  request_hash: string
  response: unknown
}

/** Claims a carrier message id in the caller's transaction; false when it was seen before. */
export async function claimCarrierMessage(
  tx: Sql,
  m: { carrier: string; message_id: string; shipment_id: string; request_hash: string },
): Promise<boolean> {
  const { rows } = await tx.query<{ message_id: string }>(
    /* sql */ `INSERT INTO delivery.carrier_messages (carrier, message_id, shipment_id, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (carrier, message_id) DO NOTHING RETURNING message_id`,
    [m.carrier, m.message_id, m.shipment_id, m.request_hash],
  )
  return rows.length === 1
}

/** The message seen before under this id. */
export async function findCarrierMessage(tx: Sql, carrier: string, messageId: string): Promise<CarrierMessageRow | null> {
  const { rows } = await tx.query<CarrierMessageRow>(
    /* sql */ `SELECT request_hash, response FROM delivery.carrier_messages WHERE carrier = $1 AND message_id = $2`,
    [carrier, messageId],
  )
  return rows[0] ?? null
}

/** Stores the answer given to a message, to repeat it when the carrier sends the message again. */
export async function saveCarrierResponse(tx: Sql, carrier: string, messageId: string, response: unknown): Promise<void> {
  await tx.query(/* sql */ `UPDATE delivery.carrier_messages SET response = $3 WHERE carrier = $1 AND message_id = $2`, [
    carrier,
    messageId,
    JSON.stringify(response),
  ])
}
