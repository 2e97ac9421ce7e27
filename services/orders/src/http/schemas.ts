import { z } from 'zod'

/** POST /cart/items. */
export const AddCartItemBody = z.object({
  drug_id: z.uuid(),
  quantity: z.number().int().min(1).max(1000),
  prescription_id: z.uuid().nullish(),
})

/** A US delivery address (the pharmacy ships within the US). */
export const ShippingAddress = z.object({
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullish(),
  city: z.string().trim().min(1).max(100),
  state: z.string().trim().min(2).max(50),
  postal_code: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a US ZIP code (12345 or 12345-6789)'),
  country: z.literal('US', 'we ship within the US only'),
})

/** POST /cart/checkout: a payment method token from the provider, never card data. */
export const CheckoutBody = z.object({
  payment_method: z
    .string()
    .regex(/^pm_[A-Za-z0-9_]{1,200}$/, 'must be a payment method token (pm_…) from the payment provider; card numbers are never accepted'),
  shipping_address: ShippingAddress.optional(),
})

/** POST /orders/{orderId}/cancel. */
export const CancelBody = z
  .object({
    reason: z
      .enum(['customer_request', 'prescription_issue', 'out_of_stock', 'payment_issue', 'duplicate', 'other'])
      .default('customer_request'),
  })
  .default({ reason: 'customer_request' })

/** POST /orders/{orderId}/refund. */
export const RefundBody = z
  .object({
    reason: z.enum(['customer_request', 'returned', 'damaged', 'wrong_item', 'prescription_issue', 'other']).default('customer_request'),
  })
  .default({ reason: 'customer_request' })

/** POST /orders/{orderId}/fulfil: nothing to say yet. */
export const FulfilBody = z.object({}).default({})

/** Path of the /orders/{orderId}/… routes. */
export const OrderParams = z.object({ orderId: z.uuid() })

/** Path of DELETE /cart/items/{drugId}. */
export const DrugParams = z.object({ drugId: z.uuid() })
