import { z } from 'zod'
import { AdjustmentReason, BatchStatus, IsoDate, Reservation, eventSchemas } from '@apotheca/contracts'
import { IdempotencyKeyHeader, padded, trimmedText } from '@apotheca/kernel'

/** Request and answer schemas of the inventory routes, as they are on the wire. */

const DRUG_ID = '3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7'
const LOCATION_ID = '0b9e7c2a-4d1f-4e3a-9c8b-7a6d5e4f3a21'
const STAFF_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'
const NOW = '2026-12-04T10:15:00.000Z'

/** Path of the /inventory/{drugId}/… routes. */
export const DrugParams = z.object({ drugId: z.uuid() })

/** A UUID as zod's z.uuid() takes it (versions 1 to 8, RFC 9562 variant). */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}'

/** GET /inventory/availability?drug_ids=a,b: 1 to 100 drug ids, comma-separated. */
export const AvailabilityQuery = z.object({
  drug_ids: z
    .string()
    .regex(new RegExp(`^${UUID}(?:,${UUID}){0,99}$`), 'must be 1 to 100 drug ids (UUIDs) separated by commas')
    .transform((s) => s.split(','))
    .meta({ examples: [`${DRUG_ID},6a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d`] }),
})

/** A lot number as printed on the pack: letters and digits, then also . _ - / (64 at most). */
const BatchNumber = z
  .string()
  .regex(
    new RegExp(padded('[A-Za-z0-9][A-Za-z0-9._/-]{0,63}'), 'u'),
    'letters, digits and . _ - / only (64 at most), starting with a letter or digit',
  )
  .trim()

/** PUT /inventory/{drugId}/adjust: one change to one batch (API.md's reasons). */
export const AdjustBody = z
  .strictObject({
    quantity_delta: z.int().min(-1_000_000).max(1_000_000),
    reason: AdjustmentReason,
    batch_number: BatchNumber,
    expiry_date: IsoDate.optional().meta({ description: 'Required when the batch is new (reason received)' }),
    location_id: z.uuid().optional(),
    version: z.int().min(0).optional().meta({ description: 'The batch version this change expects (as If-Match)' }),
  })
  .meta({ examples: [{ quantity_delta: 100, reason: 'received', batch_number: 'LOT-2026-0412', expiry_date: '2028-01-31' }] })

/** The adjust and recall headers: a retry key, and the batch version a change expects. */
export const AdjustHeaders = z.object({
  'idempotency-key': IdempotencyKeyHeader.optional(),
  'if-match': z
    .string()
    .regex(/^[ \t]*(?:\*|(?:W\/)?"?[0-9]{1,9}"?)[ \t]*$/, 'the batch version, e.g. "3" (or W/"3", or *)')
    .optional()
    .meta({ description: 'The batch version this change expects, as the ETag of an earlier answer gave it', examples: ['"3"'] }),
})
export const RecallHeaders = AdjustHeaders.pick({ 'idempotency-key': true })

/** POST /inventory/{drugId}/recall: the lot and why. */
export const RecallBody = z
  .strictObject({ batch_number: BatchNumber, reason: trimmedText(200) })
  .meta({ examples: [{ batch_number: 'LOT-2026-0412', reason: 'FDA Class II recall: labelling error' }] })

/** PUT /inventory/{drugId}/reorder-point. */
export const ReorderPointBody = z
  .strictObject({ reorder_point: z.int().min(0).max(1_000_000), location_id: z.uuid().optional() })
  .meta({ examples: [{ reorder_point: 50 }] })

/** POST /internal/reservations/{reservationId}/release. */
export const ReleaseBody = z.strictObject({ reason: trimmedText(100) }).meta({ examples: [{ reason: 'payment_declined' }] })
export const ReservationParams = z.object({ reservationId: z.uuid() })
export const AdjustmentParams = z.object({ adjustmentId: z.uuid() })

const Quantity = z.int().min(0)

/** A batch as the API shows it. */
const BatchView = z.strictObject({
  batch_number: z.string(),
  expiry_date: IsoDate,
  quantity_on_hand: Quantity,
  quantity_reserved: Quantity,
  status: BatchStatus,
  location_id: z.uuid(),
  version: z.int().min(0),
})
const BATCH = {
  batch_number: 'LOT-2026-0412',
  expiry_date: '2028-01-31',
  quantity_on_hand: 100,
  quantity_reserved: 0,
  status: 'available',
  location_id: LOCATION_ID,
  version: 1,
}
const Totals = { quantity_on_hand: Quantity, quantity_reserved: Quantity, quantity_available: Quantity }

export const AvailabilityAnswer = z
  .strictObject({
    items: z.array(z.strictObject({ drug_id: z.uuid(), in_stock: z.boolean(), quantity_available: Quantity, as_of: z.iso.datetime() })),
  })
  .meta({ examples: [{ items: [{ drug_id: DRUG_ID, in_stock: true, quantity_available: 100, as_of: NOW }] }] })

export const StockAnswer = z.strictObject({ drug_id: z.uuid(), ...Totals, batches: z.array(BatchView) }).meta({
  examples: [{ drug_id: DRUG_ID, quantity_on_hand: 100, quantity_reserved: 0, quantity_available: 100, batches: [BATCH] }],
})

/** What an applied adjustment answers: the drug's totals after it, and the batch. */
const AdjustedFields = {
  drug_id: z.uuid(),
  ...Totals,
  batch_number: z.string(),
  location_id: z.uuid(),
  reason: AdjustmentReason,
  quantity_delta: z.int(),
  batch: BatchView,
}
const ADJUSTED = {
  drug_id: DRUG_ID,
  quantity_on_hand: 100,
  quantity_reserved: 0,
  quantity_available: 100,
  batch_number: 'LOT-2026-0412',
  location_id: LOCATION_ID,
  reason: 'received',
  quantity_delta: 100,
  batch: BATCH,
}
export const AdjustedAnswer = z.strictObject(AdjustedFields).meta({ examples: [ADJUSTED] })

/** A count of a controlled substance, recorded until a second person confirms it. */
export const PendingAnswer = z
  .strictObject({
    adjustment_id: z.uuid(),
    status: z.literal('pending'),
    drug_id: z.uuid(),
    ...AdjustBody.shape,
    batch_number: z.string(),
    requested_by: z.uuid(),
  })
  .meta({
    examples: [
      {
        adjustment_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        status: 'pending',
        drug_id: DRUG_ID,
        quantity_delta: -2,
        reason: 'cycle_count',
        batch_number: 'LOT-2026-0412',
        requested_by: STAFF_ID,
      },
    ],
  })

export const ConfirmedAnswer = z
  .strictObject({ ...AdjustedFields, adjustment_id: z.uuid(), requested_by: z.uuid(), confirmed_by: z.uuid() })
  .meta({
    examples: [
      {
        ...ADJUSTED,
        reason: 'cycle_count',
        quantity_delta: -2,
        adjustment_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        requested_by: STAFF_ID,
        confirmed_by: '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
      },
    ],
  })

/** The recall as its event announces it, with the lot's batches after it. */
export const RecallAnswer = eventSchemas['inventory.stock.recalled.v1'].extend({ batches: z.array(BatchView) }).meta({
  examples: [
    {
      recall_id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      drug_id: DRUG_ID,
      batch_number: 'LOT-2026-0412',
      reason: 'FDA Class II recall: labelling error',
      location_ids: [LOCATION_ID],
      quantity_on_hand: 100,
      open_orders: [],
      supplied: [],
      actor_id: STAFF_ID,
      batches: [{ ...BATCH, status: 'recalled', version: 2 }],
    },
  ],
})

export const RegisterAnswer = z
  .strictObject({
    drug_id: z.uuid(),
    dea_schedule: z.string(),
    balances: z.array(z.strictObject({ location_id: z.uuid(), balance: z.int() })),
    entries: z.array(
      z.strictObject({
        location_id: z.uuid(),
        batch_number: z.string(),
        quantity_delta: z.int(),
        balance_after: z.int(),
        reason: z.string(),
        actor: z.string().nullable(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .meta({
    examples: [
      {
        drug_id: DRUG_ID,
        dea_schedule: 'CII',
        balances: [{ location_id: LOCATION_ID, balance: 98 }],
        entries: [
          {
            location_id: LOCATION_ID,
            batch_number: 'LOT-2026-0412',
            quantity_delta: 100,
            balance_after: 100,
            reason: 'received',
            actor: STAFF_ID,
            at: NOW,
          },
        ],
      },
    ],
  })

export const ReorderPointAnswer = z
  .strictObject({ drug_id: z.uuid(), location_id: z.uuid(), reorder_point: z.int().min(0) })
  .meta({ examples: [{ drug_id: DRUG_ID, location_id: LOCATION_ID, reorder_point: 50 }] })

export const ReservationAnswer = Reservation.extend({ patient_id: z.uuid() })
