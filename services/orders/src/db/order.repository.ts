import type { OrderStatus, PaymentStatus } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'

/** An order as stored. */
export interface OrderRow {
  order_id: string
  patient_id: string
  order_status: OrderStatus
  payment_status: PaymentStatus
  currency: string
  subtotal: number
  shipping: number
  tax: number
  total_amount: number
  reservation_id: string | null
  reservation_status: 'held' | 'released' | 'committed' | null
  payment_intent_id: string | null
  shipment_id: string | null
  carrier: string | null
  tracking_number: string | null
  estimated_delivery_at: string | null
  idempotency_key: string
  cancel_reason: string | null
  compensated_at: string | null
  created_at: string
  updated_at: string
  version: number
}

/** One line of an order. */
export interface OrderItemRow {
  drug_id: string
  name: string
  quantity: number
  prescription_id: string | null
  rx_only: boolean
  dea_schedule: string | null
  unit_price: number
  line_total: number
}

/** One step of an order's history. */
export interface HistoryRow {
  from: OrderStatus | null
  to: OrderStatus
  payment_status: PaymentStatus
  reason: string | null
  at: string
}

/** The columns a use case may change on an order. */
export type OrderPatch = Partial<
  Pick<
    OrderRow,
    | 'order_status'
    | 'payment_status'
    | 'reservation_id'
    | 'reservation_status'
    | 'payment_intent_id'
    | 'shipment_id'
    | 'carrier'
    | 'tracking_number'
    | 'estimated_delivery_at'
    | 'cancel_reason'
    | 'compensated_at'
  >
>

const COLUMNS = `order_id, patient_id, order_status, payment_status, currency, subtotal, shipping, tax, total_amount, reservation_id,
  reservation_status, payment_intent_id, shipment_id, carrier, tracking_number, estimated_delivery_at, idempotency_key, cancel_reason,
  compensated_at, created_at, updated_at, version`
const PATCHABLE = new Set([
  'order_status',
  'payment_status',
  'reservation_id',
  'reservation_status',
  'payment_intent_id',
  'shipment_id',
  'carrier',
  'tracking_number',
  'estimated_delivery_at',
  'cancel_reason',
  'compensated_at',
])

type Stored = Date | string
/** A row as the driver reads it: numbers may come as strings, times as Date or text. */
type StoredOrder = Omit<
  OrderRow,
  'subtotal' | 'shipping' | 'tax' | 'total_amount' | 'version' | 'estimated_delivery_at' | 'compensated_at' | 'created_at' | 'updated_at'
> &
  Record<'subtotal' | 'shipping' | 'tax' | 'total_amount' | 'version', number | string> &
  Record<'estimated_delivery_at' | 'compensated_at', Stored | null> &
  Record<'created_at' | 'updated_at', Stored>
type StoredItem = Omit<OrderItemRow, 'quantity' | 'unit_price' | 'line_total'> &
  Record<'quantity' | 'unit_price' | 'line_total', number | string>

const iso = (v: Stored | null) => (v == null ? null : new Date(v).toISOString())
const toOrder = (r: StoredOrder): OrderRow => ({
  ...r,
  currency: String(r.currency).trim(),
  subtotal: Number(r.subtotal),
  shipping: Number(r.shipping),
  tax: Number(r.tax),
  total_amount: Number(r.total_amount),
  version: Number(r.version),
  estimated_delivery_at: iso(r.estimated_delivery_at),
  compensated_at: iso(r.compensated_at),
  created_at: iso(r.created_at)!,
  updated_at: iso(r.updated_at)!,
})
const toItem = (r: StoredItem): OrderItemRow => ({
  ...r,
  quantity: Number(r.quantity),
  unit_price: Number(r.unit_price),
  line_total: Number(r.line_total),
})

/** Stores a new order with its lines, the shipping address already sealed. */
export async function insertOrder(
  tx: Sql,
  o: Pick<
    OrderRow,
    | 'order_id'
    | 'patient_id'
    | 'order_status'
    | 'payment_status'
    | 'currency'
    | 'subtotal'
    | 'shipping'
    | 'tax'
    | 'total_amount'
    | 'idempotency_key'
  > & { shipping_address_sealed: string | null },
  items: OrderItemRow[],
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO orders.orders (order_id, patient_id, order_status, payment_status, currency, subtotal, shipping, tax, total_amount, idempotency_key, shipping_address_sealed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      o.order_id,
      o.patient_id,
      o.order_status,
      o.payment_status,
      o.currency,
      o.subtotal,
      o.shipping,
      o.tax,
      o.total_amount,
      o.idempotency_key,
      o.shipping_address_sealed,
    ],
  )
  for (const i of items) {
    await tx.query(
      /* sql */ `INSERT INTO orders.order_items (order_id, drug_id, name, quantity, prescription_id, rx_only, dea_schedule, unit_price, line_total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [o.order_id, i.drug_id, i.name, i.quantity, i.prescription_id, i.rx_only, i.dea_schedule, i.unit_price, i.line_total],
    )
  }
}

/** One order, or null. */
export async function findOrder(db: Sql, orderId: string): Promise<OrderRow | null> {
  const { rows } = await db.query<StoredOrder>(/* sql */ `SELECT ${COLUMNS} FROM orders.orders WHERE order_id = $1`, [orderId])
  return rows[0] ? toOrder(rows[0]) : null
}

/** One order, locked for the rest of the transaction. */
export async function lockOrder(tx: Sql, orderId: string): Promise<OrderRow | null> {
  const { rows } = await tx.query<StoredOrder>(/* sql */ `SELECT ${COLUMNS} FROM orders.orders WHERE order_id = $1 FOR UPDATE`, [orderId])
  return rows[0] ? toOrder(rows[0]) : null
}

/** The order a checkout key made that was not refused (cancelled), if any. */
export async function findLiveOrderByKey(db: Sql, patientId: string, key: string): Promise<OrderRow | null> {
  const { rows } = await db.query<StoredOrder>(
    /* sql */ `SELECT ${COLUMNS} FROM orders.orders WHERE patient_id = $1 AND idempotency_key = $2 AND order_status <> 'cancelled'`,
    [patientId, key],
  )
  return rows[0] ? toOrder(rows[0]) : null
}

/** Whether the patient has a checkout in flight (an order still pending). */
export async function hasPendingOrder(db: Sql, patientId: string): Promise<boolean> {
  const { rows } = await db.query(/* sql */ `SELECT 1 FROM orders.orders WHERE patient_id = $1 AND order_status = 'pending'`, [patientId])
  return rows.length > 0
}

/** The lines of an order. */
export async function findItems(db: Sql, orderId: string): Promise<OrderItemRow[]> {
  const { rows } = await db.query<StoredItem>(
    /* sql */ `SELECT drug_id, name, quantity, prescription_id, rx_only, dea_schedule, unit_price, line_total FROM orders.order_items WHERE order_id = $1 ORDER BY drug_id`,
    [orderId],
  )
  return rows.map(toItem)
}

/** An order's history, oldest first. */
export async function findHistory(db: Sql, orderId: string): Promise<HistoryRow[]> {
  const { rows } = await db.query<Omit<HistoryRow, 'at'> & { at: Stored }>(
    /* sql */ `SELECT from_status AS "from", to_status AS "to", payment_status, reason, at FROM orders.order_history WHERE order_id = $1 ORDER BY id`,
    [orderId],
  )
  return rows.map((r) => ({ ...r, at: iso(r.at)! }))
}

/** Changes some columns of an order and bumps its version. */
export async function updateOrder(tx: Sql, orderId: string, patch: OrderPatch): Promise<void> {
  const keys = Object.keys(patch).filter((k) => PATCHABLE.has(k))
  if (keys.length === 0) return
  const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ')
  await tx.query(/* sql */ `UPDATE orders.orders SET ${sets}, updated_at = now(), version = version + 1 WHERE order_id = $1`, [
    orderId,
    ...keys.map((k) => (patch as Record<string, unknown>)[k]),
  ])
}

/** Appends a step to an order's history. */
export async function insertHistory(
  tx: Sql,
  h: {
    order_id: string
    from: OrderStatus | null
    to: OrderStatus
    payment_status: PaymentStatus
    reason: string | null
    actor_id: string | null
  },
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO orders.order_history (order_id, from_status, to_status, payment_status, reason, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [h.order_id, h.from, h.to, h.payment_status, h.reason, h.actor_id],
  )
}

/** Orders a crash or an outage left half done: checkouts stuck pending, cancellations not yet compensated. */
export async function findOrdersToSettle(
  db: Sql,
  o: { pendingSeconds: number; cancelledSeconds: number; limit: number },
): Promise<OrderRow[]> {
  const { rows } = await db.query<StoredOrder>(
    /* sql */ `SELECT ${COLUMNS} FROM orders.orders
     WHERE compensated_at IS NULL AND (
       (order_status = 'pending' AND updated_at < now() - make_interval(secs => $1))
       OR (order_status = 'cancelled' AND updated_at < now() - make_interval(secs => $2)))
     ORDER BY updated_at LIMIT $3`,
    [o.pendingSeconds, o.cancelledSeconds, o.limit],
  )
  return rows.map(toOrder)
}

/** Open orders (other than `exceptOrderId`) that already sell against one of these prescriptions. */
export async function findOpenOrdersForPrescriptions(
  db: Sql,
  patientId: string,
  prescriptionIds: string[],
  exceptOrderId: string | null,
): Promise<string[]> {
  if (prescriptionIds.length === 0) return []
  const { rows } = await db.query<{ prescription_id: string }>(
    /* sql */ `SELECT DISTINCT i.prescription_id FROM orders.order_items i JOIN orders.orders o ON o.order_id = i.order_id
     WHERE o.patient_id = $1 AND i.prescription_id = ANY($2::uuid[]) AND o.order_status IN ('pending', 'awaiting_verification', 'paid', 'fulfilling')
       AND ($3::uuid IS NULL OR o.order_id <> $3::uuid)`,
    [patientId, prescriptionIds, exceptOrderId],
  )
  return rows.map((r) => r.prescription_id)
}

/** Forgets the shipping addresses of a patient's orders (erasure). */
export async function clearShippingAddresses(tx: Sql, patientId: string): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE orders.orders SET shipping_address_sealed = NULL WHERE patient_id = $1 AND shipping_address_sealed IS NOT NULL`,
    [patientId],
  )
}

/** Orders waiting for a pharmacist's decision on one of their prescriptions. */
export async function findOrdersAwaitingPrescription(db: Sql, prescriptionId: string): Promise<OrderRow[]> {
  const { rows } = await db.query<StoredOrder>(
    /* sql */ `SELECT ${COLUMNS} FROM orders.orders WHERE order_status = 'awaiting_verification'
       AND order_id IN (SELECT order_id FROM orders.order_items WHERE prescription_id = $1)`,
    [prescriptionId],
  )
  return rows.map(toOrder)
}
