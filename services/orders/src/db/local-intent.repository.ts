import type { Sql } from '@apotheca/kernel'

/** A PaymentIntent of the local gateway, with Stripe's statuses. */
export interface LocalIntent {
  id: string
  idempotency_key: string
  amount: number
  currency: string
  payment_method: string
  status: 'requires_payment_method' | 'requires_action' | 'requires_capture' | 'succeeded' | 'canceled'
  amount_received: number
  amount_refunded: number
  last_error_code: string | null
}

const COLUMNS = 'id, idempotency_key, amount, currency, payment_method, status, amount_received, amount_refunded, last_error_code'

/** Inserts an intent unless its idempotency key was seen; returns the stored one either way. */
export async function insertIntentOnce(db: Sql, i: LocalIntent): Promise<LocalIntent> {
  await db.query(
    /* sql */ `INSERT INTO orders.local_payment_intents (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [i.id, i.idempotency_key, i.amount, i.currency, i.payment_method, i.status, i.amount_received, i.amount_refunded, i.last_error_code],
  )
  const { rows } = await db.query<LocalIntent>(/* sql */ `SELECT ${COLUMNS} FROM orders.local_payment_intents WHERE idempotency_key = $1`, [i.idempotency_key])
  return rows[0]!
}

/** One intent by id. */
export async function findIntent(db: Sql, id: string): Promise<LocalIntent | null> {
  const { rows } = await db.query<LocalIntent>(/* sql */ `SELECT ${COLUMNS} FROM orders.local_payment_intents WHERE id = $1`, [id])
  return rows[0] ?? null
}

/** Moves an intent from one status to another; false when it was not in `from`. */
export async function moveIntent(db: Sql, id: string, from: LocalIntent['status'], to: LocalIntent['status'], set: { amount_received?: number; amount_refunded?: number } = {}): Promise<boolean> {
  const r = await db.query(
    /* sql */ `UPDATE orders.local_payment_intents
     SET status = $3, amount_received = COALESCE($4, amount_received), amount_refunded = COALESCE($5, amount_refunded), updated_at = now()
     WHERE id = $1 AND status = $2`,
    [id, from, to, set.amount_received ?? null, set.amount_refunded ?? null],
  )
  return r.rowCount > 0
}
