import { z } from 'zod'
import { OrderStatus, PaymentStatus } from '@apotheca/contracts'

/**
 * Request and answer schemas of the orders routes. Every rule is stated as a pattern JSON Schema
 * readers apply alike (ECMAScript with the u flag, as ajv and the server use, and Python's re, as
 * Schemathesis uses): no `\s`, `\d` or `.`, whose meanings differ between them.
 */

/** What String.prototype.trim removes, as the body of a character class. */
const TRIMMED = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
const SOLID = `[^${TRIMMED}\\x00]`
const padded = (body: string) => new RegExp(`^[${TRIMMED}]*${body}[${TRIMMED}]*$`, 'u')

/**
 * Text of `min` to `max` characters once trimmed, whatever blanks surround it; trimmed on the way in.
 * What `z.string().trim().min(min).max(max)` accepts, said in a pattern.
 */
function trimmedText(min: number, max: number) {
  const inner = `${SOLID}(?:[^\\x00]{${Math.max(min - 2, 0)},${max - 2}}${SOLID})?`
  const body = min === 0 ? `(?:${inner})?` : min === 1 ? inner : `${SOLID}[^\\x00]{${min - 2},${max - 2}}${SOLID}`
  return z.string().regex(padded(body), `${min} to ${max} characters`).trim()
}

const Cents = z.int().min(0).meta({ description: 'Integer minor units (cents)' })
const Currency = z.string().regex(/^[A-Z]{3}$/)

/** POST /cart/items. */
export const AddCartItemBody = z
  .object({
    drug_id: z.uuid(),
    quantity: z.int().min(1).max(1000),
    prescription_id: z
      .uuid()
      .nullish()
      .meta({ description: "A verified prescription of the patient's for this drug (prescription-only drugs)" }),
  })
  .meta({ examples: [{ drug_id: '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7', quantity: 2 }] })

/** A US delivery address (the pharmacy ships within the US). */
export const ShippingAddress = z.object({
  line1: trimmedText(1, 200),
  line2: trimmedText(0, 200).nullish(),
  city: trimmedText(1, 100),
  state: trimmedText(2, 50),
  postal_code: z.string().regex(padded('[0-9]{5}(?:-[0-9]{4})?'), 'must be a US ZIP code (12345 or 12345-6789)').trim(),
  country: z.literal('US', 'we ship within the US only'),
})

/** POST /cart/checkout: a payment method token from the provider, never card data. */
export const CheckoutBody = z
  .object({
    payment_method: z
      .string()
      .regex(
        /^pm_[A-Za-z0-9_]{1,200}$/,
        'must be a payment method token (pm_…) from the payment provider; card numbers are never accepted',
      ),
    shipping_address: ShippingAddress.optional(),
  })
  .meta({
    examples: [
      {
        payment_method: 'pm_card_visa',
        shipping_address: {
          line1: '350 Fifth Avenue',
          line2: 'Suite 3300',
          city: 'New York',
          state: 'NY',
          postal_code: '10118',
          country: 'US',
        },
      },
    ],
  })

/**
 * The checkout's Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is a good one); the same
 * key with the same body answers the first checkout again, with another body it is a 422.
 */
export const CheckoutHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[!-~]{1,255}$/, 'send 1 to 255 visible ASCII characters, a new UUID per checkout and the same one to retry it')
    .meta({
      description: 'A new unique key per checkout (a UUID), the same key to retry it',
      examples: ['0f8c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'],
    }),
})

/** POST /orders/{orderId}/cancel. */
export const CancelBody = z
  .object({
    reason: z
      .enum(['customer_request', 'prescription_issue', 'out_of_stock', 'payment_issue', 'duplicate', 'other'])
      .default('customer_request'),
  })
  .default({ reason: 'customer_request' })
  .meta({ examples: [{ reason: 'customer_request' }] })

/** POST /orders/{orderId}/refund. */
export const RefundBody = z
  .object({
    reason: z.enum(['customer_request', 'returned', 'damaged', 'wrong_item', 'prescription_issue', 'other']).default('customer_request'),
  })
  .default({ reason: 'customer_request' })
  .meta({ examples: [{ reason: 'returned' }] })

/** POST /orders/{orderId}/fulfil: nothing to say yet. */
export const FulfilBody = z
  .object({})
  .default({})
  .meta({ examples: [{}] })

/** Path of the /orders/{orderId}/… routes. */
export const OrderParams = z.object({ orderId: z.uuid() })

/** Path of DELETE /cart/items/{drugId}. */
export const DrugParams = z.object({ drugId: z.uuid() })

const DRUG_ID = '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7'
const ORDER_ID = '8d1e4c6b-9a8e-4b7d-a1f4-a605f0c3a52e'
const PATIENT_ID = '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f'

/** The patient's cart: its lines (prices as they were when added), the subtotal and today's shipping. */
export const CartAnswer = z
  .strictObject({
    items: z.array(
      z.strictObject({
        drug_id: z.uuid(),
        name: z.string(),
        quantity: z.int().min(1),
        prescription_id: z.uuid().nullable(),
        rx_only: z.boolean(),
        unit_price: Cents,
        line_total: Cents,
        currency: Currency,
      }),
    ),
    subtotal: Cents,
    shipping: Cents,
    tax: Cents,
    total_amount: Cents,
    currency: z.literal('USD'),
  })
  .meta({
    examples: [
      {
        items: [
          {
            drug_id: DRUG_ID,
            name: 'Ibuprofen 200 mg tablet',
            quantity: 2,
            prescription_id: null,
            rx_only: false,
            unit_price: 499,
            line_total: 998,
            currency: 'USD',
          },
        ],
        subtotal: 998,
        shipping: 599,
        tax: 0,
        total_amount: 1597,
        currency: 'USD',
      },
    ],
  })

/** What checkout answers (and answers again for the same Idempotency-Key). */
export const CheckoutAnswer = z
  .strictObject({ order_id: z.uuid(), order_status: OrderStatus, payment_status: PaymentStatus, total_amount: Cents, currency: Currency })
  .meta({ examples: [{ order_id: ORDER_ID, order_status: 'paid', payment_status: 'captured', total_amount: 1597, currency: 'USD' }] })

/** An order's statuses after a cancellation or a refund. */
export const OrderOutcome = z
  .strictObject({ order_id: z.uuid(), order_status: OrderStatus, payment_status: PaymentStatus })
  .meta({ examples: [{ order_id: ORDER_ID, order_status: 'cancelled', payment_status: 'refunded' }] })

/** A fulfilment started: inventory picks the order, then delivery creates its shipment (shipment_id in the order's status). */
export const FulfilAnswer = z
  .strictObject({ order_id: z.uuid(), order_status: OrderStatus })
  .meta({ examples: [{ order_id: ORDER_ID, order_status: 'fulfilling' }] })

const Time = z.iso.datetime()

/** GET /orders/{orderId}/status. */
export const OrderStatusAnswer = z
  .strictObject({
    order_id: z.uuid(),
    patient_id: z.uuid(),
    order_status: OrderStatus,
    payment_status: PaymentStatus,
    subtotal: Cents,
    shipping: Cents,
    tax: Cents,
    total_amount: Cents,
    currency: Currency,
    shipment_id: z.uuid().nullable().meta({ description: 'Set once delivery created the shipment (after fulfilment)' }),
    carrier: z.string().nullable(),
    tracking_number: z.string().nullable(),
    estimated_delivery_at: Time.nullable(),
    items: z.array(
      z.strictObject({
        drug_id: z.uuid(),
        name: z.string(),
        quantity: z.int().min(1),
        prescription_id: z.uuid().nullable(),
        unit_price: Cents,
        line_total: Cents,
      }),
    ),
    history: z.array(
      z.strictObject({
        from: OrderStatus.nullable(),
        to: OrderStatus,
        payment_status: PaymentStatus,
        reason: z.string().nullable(),
        at: Time,
      }),
    ),
    confirmation: z
      .strictObject({
        document: z.string().meta({ description: 'The canonical JSON the signature covers' }),
        signature: z.string().meta({ description: 'Ed25519 over the document, base64url' }),
        key_id: z.string().meta({ description: 'The key of GET /orders/signing-key that verifies it' }),
        signed_at: Time,
        algorithm: z.literal('Ed25519'),
      })
      .nullable(),
    created_at: Time,
    updated_at: Time,
  })
  .meta({
    examples: [
      {
        order_id: ORDER_ID,
        patient_id: PATIENT_ID,
        order_status: 'shipped',
        payment_status: 'captured',
        subtotal: 998,
        shipping: 599,
        tax: 0,
        total_amount: 1597,
        currency: 'USD',
        shipment_id: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
        carrier: 'apotheca-fleet',
        tracking_number: 'APX1234567890',
        estimated_delivery_at: '2026-03-16T18:00:00.000Z',
        items: [
          { drug_id: DRUG_ID, name: 'Ibuprofen 200 mg tablet', quantity: 2, prescription_id: null, unit_price: 499, line_total: 998 },
        ],
        history: [
          { from: null, to: 'pending', payment_status: 'pending', reason: 'checkout', at: '2026-03-15T09:30:00.000Z' },
          { from: 'pending', to: 'paid', payment_status: 'captured', reason: 'checkout', at: '2026-03-15T09:30:01.000Z' },
          { from: 'paid', to: 'fulfilling', payment_status: 'captured', reason: 'fulfilment_requested', at: '2026-03-15T11:00:00.000Z' },
          { from: 'fulfilling', to: 'shipped', payment_status: 'captured', reason: 'shipment_in_transit', at: '2026-03-15T14:00:00.000Z' },
        ],
        confirmation: null,
        created_at: '2026-03-15T09:30:00.000Z',
        updated_at: '2026-03-15T14:00:00.000Z',
      },
    ],
  })

/** GET /orders/signing-key: the public key of order confirmations as a JWK Set. */
export const SigningKeyAnswer = z.strictObject({
  keys: z.array(
    z.strictObject({
      kty: z.literal('OKP'),
      crv: z.literal('Ed25519'),
      x: z.string(),
      kid: z.string(),
      alg: z.literal('EdDSA'),
      use: z.literal('sig'),
    }),
  ),
})

/**
 * POST /webhooks/payments: a Stripe event as the provider sends it (the fields we read; the rest
 * passes). The Stripe-Signature header is checked over the raw body.
 */
export const PaymentEventBody = z
  .looseObject({
    id: z.string().min(1),
    type: z.string().min(1),
    data: z.looseObject({ object: z.looseObject({}) }),
  })
  .meta({
    examples: [
      {
        id: 'evt_3Nq1X2Lk8b9c0d1e2f3g4h5i',
        object: 'event',
        type: 'payment_intent.succeeded',
        created: 1773567000,
        livemode: false,
        data: {
          object: {
            id: 'pi_3Nq1X2Lk8b9c0d1e',
            object: 'payment_intent',
            amount: 1597,
            amount_received: 1597,
            metadata: { order_id: ORDER_ID },
          },
        },
      },
    ],
  })

export const PaymentEventHeaders = z.object({
  'stripe-signature': z
    .string()
    .meta({ description: '`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; wrong or older than 5 minutes: 401' }),
})

/** What a delivery did: acknowledged whatever it was, so the provider stops retrying it. */
export const PaymentEventAnswer = z
  .strictObject({
    received: z.literal(true),
    event_id: z.string(),
    outcome: z.enum(['applied', 'stale', 'ignored', 'unknown_intent', 'duplicate']).meta({
      description:
        'applied; stale (older than what we know, nothing changed); ignored (an event we do not act on); unknown_intent (no intent of ours, nothing changed); duplicate (this event was processed before)',
    }),
  })
  .meta({ examples: [{ received: true, event_id: 'evt_3Nq1X2Lk8b9c0d1e2f3g4h5i', outcome: 'applied' }] })
