/**
 * Money is integer minor units (cents) with a currency; nothing here ever sees a float. Orders are
 * in USD for now: the catalog prices in USD and the pharmacy ships within the US.
 */
export const ORDER_CURRENCY = 'USD'

/** Standard shipping, in cents. */
export const SHIPPING_FEE = 599

/** The subtotal (cents) from which shipping is free. */
export const FREE_SHIPPING_FROM = 3500

/** The price of one cart or order line. */
export function lineTotal(unitPrice: number, quantity: number): number {
  assertCents(unitPrice, 'unit price')
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`quantity must be a positive integer, got ${quantity}`)
  const total = unitPrice * quantity
  assertCents(total, 'line total')
  return total
}

/** The sum of the lines. */
export function subtotalOf(lines: Array<{ unit_price: number; quantity: number }>): number {
  const total = lines.reduce((sum, l) => sum + lineTotal(l.unit_price, l.quantity), 0)
  assertCents(total, 'subtotal')
  return total
}

/** What an order costs. */
export interface OrderTotals {
  subtotal: number
  shipping: number
  tax: number
  total_amount: number
}

/**
 * Totals of an order. Tax is 0: prescription drugs are exempt from sales tax in every US state, and
 * the OTC sales tax of the destination needs a tax-rate adapter (a later issue).
 */
export function orderTotals(lines: Array<{ unit_price: number; quantity: number }>): OrderTotals {
  const subtotal = subtotalOf(lines)
  const shipping = subtotal === 0 || subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE
  const tax = 0
  return { subtotal, shipping, tax, total_amount: subtotal + shipping + tax }
}

function assertCents(n: number, what: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer number of cents, got ${n}`)
}
