import type { Sql } from '@apotheca/kernel'

/** One line of a patient's cart, with the price captured when it was added. */
export interface CartItem {
  drug_id: string
  name: string
  quantity: number
  prescription_id: string | null
  rx_only: boolean
  dea_schedule: string | null
  unit_price: number
  currency: string
}

const COLUMNS = 'drug_id, name, quantity, prescription_id, rx_only, dea_schedule, unit_price, currency'

/** A line as the driver reads it: numeric columns may come as strings, char(3) padded. */
type StoredItem = Omit<CartItem, 'quantity' | 'unit_price'> & { quantity: number | string; unit_price: number | string }

const toItem = (r: StoredItem): CartItem => ({
  ...r,
  quantity: Number(r.quantity),
  unit_price: Number(r.unit_price),
  currency: String(r.currency).trim(),
})

/** Puts a line in the patient's cart; a drug already there takes the new quantity, prescription and price. */
export async function upsertCartItem(tx: Sql, patientId: string, i: CartItem): Promise<void> {
  await tx.query(/* sql */ `INSERT INTO orders.carts (patient_id) VALUES ($1) ON CONFLICT (patient_id) DO UPDATE SET updated_at = now()`, [
    patientId,
  ])
  await tx.query(
    /* sql */ `INSERT INTO orders.cart_items (patient_id, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (patient_id, drug_id) DO UPDATE SET name = EXCLUDED.name, quantity = EXCLUDED.quantity,
       prescription_id = EXCLUDED.prescription_id, rx_only = EXCLUDED.rx_only, dea_schedule = EXCLUDED.dea_schedule,
       unit_price = EXCLUDED.unit_price, currency = EXCLUDED.currency, added_at = now()`,
    [patientId, i.drug_id, i.name, i.quantity, i.prescription_id, i.rx_only, i.dea_schedule, i.unit_price, i.currency],
  )
}

/** The patient's cart lines, oldest first. */
export async function listCartItems(db: Sql, patientId: string): Promise<CartItem[]> {
  const { rows } = await db.query<StoredItem>(
    /* sql */ `SELECT ${COLUMNS} FROM orders.cart_items WHERE patient_id = $1 ORDER BY added_at, drug_id`,
    [patientId],
  )
  return rows.map(toItem)
}

/** Removes one line; false when the drug was not in the cart. */
export async function deleteCartItem(db: Sql, patientId: string, drugId: string): Promise<boolean> {
  const r = await db.query(/* sql */ `DELETE FROM orders.cart_items WHERE patient_id = $1 AND drug_id = $2`, [patientId, drugId])
  return r.rowCount > 0
}

/** Removes the lines an order was placed for (lines added meanwhile stay). */
export async function deleteCartItems(tx: Sql, patientId: string, drugIds: string[]): Promise<void> {
  await tx.query(/* sql */ `DELETE FROM orders.cart_items WHERE patient_id = $1 AND drug_id = ANY($2::uuid[])`, [patientId, drugIds])
}

/** Removes the whole cart (patient erased). */
export async function deleteCart(tx: Sql, patientId: string): Promise<void> {
  await tx.query(/* sql */ `DELETE FROM orders.carts WHERE patient_id = $1`, [patientId])
}
