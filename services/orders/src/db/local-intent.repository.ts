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
  /** The order it was created for (Stripe's metadata.order_id); null for intents made before it was kept. */
  order_id: string | null
}

const COLUMNS = 'id, idempotency_key, amount, currency, payment_method, status, amount_received, amount_refunded, last_error_code, order_id'

/** Inserts an intent unless its idempotency key was seen; returns the stored one either way, and whether it is new. */
export async function insertIntentOnce(db: Sql, i: LocalIntent): Promise<{ intent: LocalIntent; created: boolean }> {
  const r = await db.query(
    /* sql */ `INSERT INTO orders.local_payment_intents (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [
      i.id,
      i.idempotency_key,
      i.amount,
      i.currency,
      i.payment_method,
      i.status,
      i.amount_received,
      i.amount_refunded,
      i.last_error_code,
      i.order_id,
    ],
  )
  const { rows } = await db.query<LocalIntent>(/* sql */ `SELECT ${COLUMNS} FROM orders.local_payment_intents WHERE idempotency_key = $1`, [
    i.idempotency_key,
  ])
  return { intent: rows[0]!, created: r.rowCount === 1 }
}

/** Queues one outgoing webhook event of the local gateway. */
export async function insertLocalEvent(db: Sql, e: { id: string; payment_intent_id: string; payload: string }): Promise<void> {
  await db.query(/* sql */ `INSERT INTO orders.local_payment_events (id, payment_intent_id, payload) VALUES ($1, $2, $3)`, [
    e.id,
    e.payment_intent_id,
    e.payload,
  ])
}

/** The oldest events not delivered yet. */
export async function undeliveredLocalEvents(db: Sql, limit: number): Promise<Array<{ id: string; payload: string }>> {
  const { rows } = await db.query<{ id: string; payload: string }>(
    /* sql */ `SELECT id, payload FROM orders.local_payment_events WHERE delivered_at IS NULL ORDER BY created_at, id LIMIT $1`,
    [limit],
  )
  return rows
}

/** Marks an event delivered. */
export async function markLocalEventDelivered(db: Sql, id: string): Promise<void> {
  await db.query(/* sql */ `UPDATE orders.local_payment_events SET delivered_at = now() WHERE id = $1 AND delivered_at IS NULL`, [id])
}

/** One intent by id. */
export async function findIntent(db: Sql, id: string): Promise<LocalIntent | null> {
  const { rows } = await db.query<LocalIntent>(/* sql */ `SELECT ${COLUMNS} FROM orders.local_payment_intents WHERE id = $1`, [id])
  return rows[0] ?? null
}

/** Moves an intent from one status to another; null when it was not in `from`. */
export async function moveIntent(
  db: Sql,
  id: string,
  from: LocalIntent['status'],
  to: LocalIntent['status'],
  set: { amount_received?: number; amount_refunded?: number } = {},
): Promise<LocalIntent | null> {
  const r = await db.query<LocalIntent>(
    /* sql */ `UPDATE orders.local_payment_intents
     SET status = $3, amount_received = COALESCE($4, amount_received), amount_refunded = COALESCE($5, amount_refunded), updated_at = now()
     WHERE id = $1 AND status = $2 RETURNING ${COLUMNS}`,
    [id, from, to, set.amount_received ?? null, set.amount_refunded ?? null],
  )
  return r.rows[0] ?? null
}
