import { z } from 'zod'
import { AdjustmentReason, IsoDate } from '@apotheca/contracts'
import { Problem, STAFF_ROLES, route } from '@apotheca/kernel'
import { adjustStock } from '../application/adjust-stock.ts'
import { getStock } from '../application/get-stock.ts'
import { recallLot } from '../application/recall-lot.ts'
import type { InventoryDeps } from '../application/deps.ts'

const DrugParams = z.object({ drugId: z.uuid() })

/** PUT /inventory/{drugId}/adjust: one change to one batch (API.md's reasons). */
export const AdjustBody = z.object({
  quantity_delta: z.number().int().min(-1_000_000).max(1_000_000),
  reason: AdjustmentReason,
  batch_number: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'letters, digits and . _ - / only'),
  expiry_date: IsoDate.optional(),
  location_id: z.uuid().optional(),
  version: z.number().int().min(0).optional(),
})

/** POST /inventory/{drugId}/recall: the lot and why. */
export const RecallBody = z.object({
  batch_number: AdjustBody.shape.batch_number,
  reason: z.string().trim().min(1).max(200),
})

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** The batch version an If-Match header expects ("3", W/"3" or 3); `*` and no header expect none. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '*') return undefined
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value)
  if (!m) throw new Problem(400, 'validation', 'Invalid If-Match header', 'expected the batch version, e.g. "3"')
  return Number(m[1])
}

/** Staff routes of stock: read a drug's stock, adjust a batch, recall a lot. */
export function stockRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'GET',
      url: '/inventory/:drugId',
      summary: "A drug's stock: on hand, reserved, available, and every batch first-expiry-first",
      auth: { roles: STAFF_ROLES },
      schema: { params: DrugParams },
      handler: async ({ params }) => getStock(deps, params.drugId),
    }),
    route({
      method: 'PUT',
      url: '/inventory/:drugId/adjust',
      summary:
        'Adjusts one batch: receive (creates it), dispense, damage, expire, count, quarantine, release or recall; never below what is reserved',
      auth: { roles: ['admin', 'technician'] },
      schema: { params: DrugParams, body: AdjustBody },
      handler: async ({ params, body, headers, principal }, reply) => {
        const answer = await adjustStock(deps, {
          drugId: params.drugId,
          body,
          ifMatch: parseIfMatch(header(headers['if-match'])),
          actor: principal?.sub ?? null,
          idempotencyKey: header(headers['idempotency-key']),
        })
        const version = (answer.body as { batch?: { version?: number } }).batch?.version
        if (version !== undefined) void reply.header('etag', `"${version}"`)
        if (answer.replayed) void reply.header('idempotent-replayed', 'true')
        return reply.status(answer.status).send(answer.body)
      },
    }),
    route({
      method: 'POST',
      url: '/inventory/:drugId/recall',
      summary:
        'Recalls a lot at every location: its batches are blocked for good; the event names open orders holding it and patients supplied from it',
      auth: { roles: ['admin', 'pharmacist'] },
      schema: { params: DrugParams, body: RecallBody },
      handler: async ({ params, body, headers, principal }, reply) => {
        const answer = await recallLot(deps, {
          drugId: params.drugId,
          batchNumber: body.batch_number,
          reason: body.reason,
          actor: principal?.sub ?? null,
          idempotencyKey: header(headers['idempotency-key']),
        })
        if (answer.replayed) void reply.header('idempotent-replayed', 'true')
        return reply.status(answer.status).send(answer.body)
      },
    }),
  ]
}
