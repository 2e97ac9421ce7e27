import { Problem, notFound } from '@apotheca/kernel'
import { checkLine } from '../domain/cart-rules.ts'
import { orderTotals, lineTotal, ORDER_CURRENCY } from '../domain/money.ts'
import { deleteCartItem, listCartItems, upsertCartItem, type CartItem } from '../db/cart.repository.ts'
import { fetchDrug, fetchPrescription, ruleProblem } from './cart-lines.ts'
import { todayUtc, type OrdersDeps } from './deps.ts'

/** What a patient asks to put in the cart. */
export interface AddItemRequest {
  drug_id: string
  quantity: number
  prescription_id?: string | null | undefined
}

/** The cart as clients see it: lines with their totals, the subtotal, and the shipping it would cost today. */
export function cartView(items: CartItem[]) {
  const totals = orderTotals(items)
  return {
    items: items.map((i) => ({
      drug_id: i.drug_id,
      name: i.name,
      quantity: i.quantity,
      prescription_id: i.prescription_id,
      rx_only: i.rx_only,
      unit_price: i.unit_price,
      line_total: lineTotal(i.unit_price, i.quantity),
      currency: i.currency,
    })),
    subtotal: totals.subtotal,
    shipping: totals.shipping,
    tax: totals.tax,
    total_amount: totals.total_amount,
    currency: ORDER_CURRENCY,
  }
}

/**
 * Adds a drug to the patient's cart (or sets its line again: one line per drug, so a retried add
 * does not double it). The catalog and prescriptions are asked before the transaction opens.
 */
export async function addCartItem(deps: OrdersDeps, patientId: string, req: AddItemRequest) {
  const drug = await fetchDrug(deps, req.drug_id)
  const prescriptionId = req.prescription_id ?? null
  const rx = prescriptionId ? await fetchPrescription(deps, prescriptionId) : null
  const v = checkLine({ patient_id: patientId, quantity: req.quantity, prescription_id: prescriptionId }, drug, rx, todayUtc())
  if (v) throw ruleProblem(v)
  await deps.db.transaction((tx) =>
    upsertCartItem(tx, patientId, {
      drug_id: drug.drug_id,
      name: drug.name,
      quantity: req.quantity,
      prescription_id: prescriptionId,
      rx_only: drug.rx_only,
      dea_schedule: drug.dea_schedule,
      unit_price: drug.price.amount,
      currency: drug.price.currency,
    }),
  )
  deps.log.info({ patient_id: patientId, drug_id: drug.drug_id, quantity: req.quantity }, 'cart line set')
  return cartView(await listCartItems(deps.db, patientId))
}

/** The patient's cart (empty when they never added anything). */
export async function getCart(deps: OrdersDeps, patientId: string) {
  return cartView(await listCartItems(deps.db, patientId))
}

/** Takes a drug out of the cart; a drug that is not there is a 404. */
export async function removeCartItem(deps: OrdersDeps, patientId: string, drugId: string) {
  if (!(await deleteCartItem(deps.db, patientId, drugId))) throw notFound('Cart item')
  return cartView(await listCartItems(deps.db, patientId))
}

/** The cart's lines for checkout; an empty cart cannot be checked out. */
export async function cartForCheckout(deps: OrdersDeps, patientId: string): Promise<CartItem[]> {
  const items = await listCartItems(deps.db, patientId)
  if (items.length === 0) throw new Problem(409, 'cart-empty', 'The cart is empty', 'add items before checking out')
  return items
}
