import type { Sql } from '@apotheca/kernel'

/** An order's signed confirmation as stored. */
export interface ConfirmationRow {
  document: string
  signature: string
  key_id: string
  signed_at: string
}

/** Stores the confirmation once; a resumed checkout keeps the first. */
export async function insertConfirmation(
  tx: Sql,
  orderId: string,
  c: { document: string; signature: string; key_id: string },
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO orders.order_confirmations (order_id, document, signature, key_id) VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING`,
    [orderId, c.document, c.signature, c.key_id],
  )
}

/** The confirmation of an order, or null before checkout confirmed it. */
export async function findConfirmation(db: Sql, orderId: string): Promise<ConfirmationRow | null> {
  const { rows } = await db.query<Omit<ConfirmationRow, 'signed_at'> & { signed_at: Date | string }>(
    /* sql */ `SELECT document, signature, key_id, signed_at FROM orders.order_confirmations WHERE order_id = $1`,
    [orderId],
  )
  return rows[0] ? { ...rows[0], signed_at: new Date(rows[0].signed_at).toISOString() } : null
}
