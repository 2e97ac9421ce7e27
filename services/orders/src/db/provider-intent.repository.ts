import { sha256Hex, type Sql } from '@apotheca/kernel'
import type { ProviderEvent, ProviderStatus } from '../application/payment-gateway.ts'

/** How far along an intent's life a status is: a webhook may only move it forward. */
export const PROVIDER_STATUS_RANK: Record<ProviderStatus, number> = {
  requires_action: 1,
  failed: 1,
  authorized: 2,
  captured: 3,
  voided: 3,
  refunded: 4,
}

/** Records a delivery's signature identity as seen; false when it was seen before (a replay). */
export async function firstDelivery(tx: Sql, delivery: string): Promise<boolean> {
  const r = await tx.query(/* sql */ `INSERT INTO orders.webhook_receipts (signature_hash) VALUES ($1) ON CONFLICT DO NOTHING`, [
    sha256Hex(`payments:${delivery}`),
  ])
  return r.rowCount === 1
}

/** Records a provider event id before its effect; false when it was seen before (a duplicated delivery). */
export async function recordWebhookEvent(tx: Sql, e: ProviderEvent): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `INSERT INTO orders.payment_webhook_events (event_id, type, payment_intent_id, outcome) VALUES ($1, $2, $3, 'received')
     ON CONFLICT (event_id) DO NOTHING`,
    [e.event_id, e.type, e.payment_intent_id],
  )
  return r.rowCount === 1
}

/** What a recorded event did, once its effect is known (same transaction). */
export async function setWebhookOutcome(tx: Sql, eventId: string, outcome: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE orders.payment_webhook_events SET outcome = $2 WHERE event_id = $1`, [eventId, outcome])
}

/**
 * Whether checkout created this intent: it is recorded with an order, or its metadata names an
 * order of ours that has recorded no other intent (the webhook came before the saga's record of it).
 */
export async function isOurIntent(tx: Sql, intentId: string, orderId: string | null): Promise<boolean> {
  const { rows } = await tx.query(
    /* sql */ `SELECT 1 FROM orders.payments WHERE payment_intent_id = $1
     UNION ALL
     SELECT 1 FROM orders.orders WHERE order_id = $2::uuid AND (payment_intent_id IS NULL OR payment_intent_id = $1)
     LIMIT 1`,
    [intentId, orderId],
  )
  return rows.length > 0
}

/** Moves the provider's status of an intent forward; false when the event is stale (not ahead of what we know). */
export async function advanceProviderIntent(
  tx: Sql,
  e: ProviderEvent & { payment_intent_id: string; status: ProviderStatus },
): Promise<boolean> {
  const rank = PROVIDER_STATUS_RANK[e.status]
  const r = await tx.query(
    /* sql */ `INSERT INTO orders.provider_intents AS p (payment_intent_id, provider_status, status_rank, amount_received, amount_refunded, last_event_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (payment_intent_id) DO UPDATE SET provider_status = EXCLUDED.provider_status, status_rank = EXCLUDED.status_rank,
       amount_received = GREATEST(p.amount_received, EXCLUDED.amount_received), amount_refunded = GREATEST(p.amount_refunded, EXCLUDED.amount_refunded),
       last_event_id = EXCLUDED.last_event_id, updated_at = now()
     WHERE p.status_rank < EXCLUDED.status_rank`,
    [e.payment_intent_id, e.status, rank, e.amount_received, e.amount_refunded, e.event_id],
  )
  return r.rowCount === 1
}

/** The provider's last word on an intent. */
export interface ProviderIntentRow {
  provider_status: ProviderStatus
  amount_received: number
  amount_refunded: number
  last_event_id: string
}

/** The provider's status of an intent, as its webhooks told it. */
export async function findProviderIntent(db: Sql, id: string): Promise<ProviderIntentRow | null> {
  const { rows } = await db.query<ProviderIntentRow>(
    /* sql */ `SELECT provider_status, amount_received::int, amount_refunded::int, last_event_id FROM orders.provider_intents WHERE payment_intent_id = $1`,
    [id],
  )
  return rows[0] ?? null
}
