import { STAFF_ROLES, route } from '@apotheca/kernel'
import { adjustStock } from '../application/adjust-stock.ts'
import { getStock } from '../application/get-stock.ts'
import { recallLot } from '../application/recall-lot.ts'
import type { InventoryDeps } from '../application/deps.ts'
import {
  AdjustBody,
  AdjustedAnswer,
  AdjustHeaders,
  DrugParams,
  PendingAnswer,
  RecallAnswer,
  RecallBody,
  RecallHeaders,
  StockAnswer,
} from './schemas.ts'

/** What applying an adjustment may be refused for (domain/adjustment.ts, application/adjust-stock.ts), as status → slugs. */
export const ADJUSTMENT_PROBLEMS = {
  404: ['not-found', 'batch-not-found'],
  409: ['illegal-transition', 'insufficient-stock', 'quantity-limit'],
  412: ['version-mismatch'],
  422: ['unknown-location', 'invalid-adjustment', 'expiry-date-mismatch', 'expiry-date-required', 'batch-expired', 'batch-not-expired'],
} as const

const REPLAYED = { 'idempotent-replayed': { description: '`true` when this answers an earlier request with the same Idempotency-Key' } }

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** The batch version an If-Match header expects ("3", W/"3" or 3); `*` and no header expect none. */
function parseIfMatch(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /[0-9]{1,9}/.exec(value)
  return m ? Number(m[0]) : undefined
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
      responses: { 200: StockAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params }) => getStock(deps, params.drugId),
    }),
    route({
      method: 'PUT',
      url: '/inventory/:drugId/adjust',
      summary:
        'Adjusts one batch: receive (creates it), dispense, damage, expire, count, quarantine, release or recall; never below what is reserved',
      description:
        'A count of a controlled substance is only recorded (202) until a second staff member confirms it. If-Match (or version) makes the ' +
        'change conditional on the batch version (412 when it moved); the same Idempotency-Key with the same body answers the first change again.',
      auth: { roles: ['admin', 'technician'] },
      schema: { params: DrugParams, body: AdjustBody, headers: AdjustHeaders },
      responses: {
        200: {
          schema: AdjustedAnswer,
          description: 'Applied: the batch and the drug totals after it',
          headers: { etag: { description: 'The batch version now, for If-Match' }, ...REPLAYED },
        },
        202: {
          schema: PendingAnswer,
          description: 'A count of a controlled substance, waiting for a second person',
          headers: REPLAYED,
          links: {
            confirm: {
              operationId: 'postInventoryAdjustmentsByAdjustmentIdConfirm',
              parameters: { adjustmentId: '$response.body#/adjustment_id' },
              description: 'A second staff member confirms the count',
            },
          },
        },
      },
      problems: {
        ...ADJUSTMENT_PROBLEMS,
        409: [...ADJUSTMENT_PROBLEMS[409], 'request-in-progress'],
        422: [...ADJUSTMENT_PROBLEMS[422], 'idempotency-key-reused'],
      },
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
      schema: { params: DrugParams, body: RecallBody, headers: RecallHeaders },
      responses: { 200: { schema: RecallAnswer, headers: REPLAYED } },
      problems: { 404: ['not-found'], 409: ['request-in-progress'], 422: ['idempotency-key-reused'] },
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
