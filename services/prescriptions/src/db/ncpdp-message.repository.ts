import type { Sql } from '@apotheca/kernel'

/** An NCPDP message other than NewRx as recorded, with what it did. */
export interface NcpdpMessageRow {
  message_id: string
  transaction: string
  relates_to: string | null
  order_number: string | null
  reference: string | null
  decision: string | null
  prescription_id: string | null
  result_prescription_id: string | null
  outcome: string
  needs_review: boolean
}

/** Records a message unless its MessageID was seen before; returns false for a redelivery. */
export async function insertNcpdpMessage(tx: Sql, m: NcpdpMessageRow): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `INSERT INTO prescriptions.ncpdp_messages (message_id, transaction, relates_to, order_number, reference, decision, prescription_id,
       result_prescription_id, outcome, needs_review) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (message_id) DO NOTHING`,
    [
      m.message_id,
      m.transaction,
      m.relates_to,
      m.order_number,
      m.reference,
      m.decision,
      m.prescription_id,
      m.result_prescription_id,
      m.outcome,
      m.needs_review,
    ],
  )
  return r.rowCount > 0
}

/** A recorded message by MessageID, or null. */
export async function findNcpdpMessage(db: Sql, messageId: string): Promise<NcpdpMessageRow | null> {
  const { rows } = await db.query<NcpdpMessageRow>(
    /* sql */ `SELECT message_id, transaction, relates_to, order_number, reference, decision, prescription_id, result_prescription_id, outcome, needs_review
     FROM prescriptions.ncpdp_messages WHERE message_id = $1`,
    [messageId],
  )
  return rows[0] ?? null
}

/** Messages waiting for a pharmacist (unmatched or ambiguous), oldest first. */
export async function messagesToReview(db: Sql, limit: number): Promise<NcpdpMessageRow[]> {
  const { rows } = await db.query<NcpdpMessageRow>(
    /* sql */ `SELECT message_id, transaction, relates_to, order_number, reference, decision, prescription_id, result_prescription_id, outcome, needs_review
     FROM prescriptions.ncpdp_messages WHERE needs_review ORDER BY received_at LIMIT $1`,
    [limit],
  )
  return rows
}
