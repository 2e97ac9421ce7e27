import type { PaymentStatus } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'

/** Our record of one payment intent at the provider. */
export interface PaymentRow {
  payment_intent_id: string
  order_id: string
  amount: number
  currency: string
  status: PaymentStatus
  provider: string
  payment_method: string
  decline_code: string | null
}

/** Records an intent; recording the same intent twice keeps the first row (a resumed checkout). */
export async function insertPayment(tx: Sql, p: PaymentRow): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO orders.payments (payment_intent_id, order_id, amount, currency, status, provider, payment_method, decline_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (payment_intent_id) DO NOTHING`,
    [p.payment_intent_id, p.order_id, p.amount, p.currency, p.status, p.provider, p.payment_method, p.decline_code],
  )
}

/** Sets the status of an intent's record. */
export async function setPaymentStatus(tx: Sql, intentId: string, status: PaymentStatus): Promise<void> {
  await tx.query(/* sql */ `UPDATE orders.payments SET status = $2, updated_at = now() WHERE payment_intent_id = $1`, [intentId, status])
}
