import type { Sql } from '@apotheca/kernel'

/** A status message from the e-prescribing network, as recorded once. */
export interface EpcsMessageRow {
  message_id: string
  prescription_id: string
  status: string
  known: boolean
  outcome: string
  received_at: string
}

/** Records a message unless its id was seen before; returns false for a redelivery. */
export async function recordEpcsMessage(tx: Sql, m: Omit<EpcsMessageRow, 'received_at'>): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `INSERT INTO prescriptions.epcs_messages (message_id, prescription_id, status, known, outcome) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (message_id) DO NOTHING`,
    [m.message_id, m.prescription_id, m.status, m.known, m.outcome],
  )
  return r.rowCount > 0
}

/** A recorded message by id, or null. */
export async function findEpcsMessage(db: Sql, messageId: string): Promise<EpcsMessageRow | null> {
  const { rows } = await db.query<Omit<EpcsMessageRow, 'received_at'> & { received_at: Date | string }>(
    /* sql */ `SELECT message_id, prescription_id, status, known, outcome, received_at FROM prescriptions.epcs_messages WHERE message_id = $1`,
    [messageId],
  )
  const r = rows[0]
  return r ? { ...r, received_at: new Date(r.received_at).toISOString() } : null
}

/** Notes what a recorded message did (noted, cancelled, ignored…). */
export async function setEpcsOutcome(tx: Sql, messageId: string, outcome: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE prescriptions.epcs_messages SET outcome = $2 WHERE message_id = $1`, [messageId, outcome])
}
