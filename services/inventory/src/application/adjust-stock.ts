import type { AdjustmentReason } from '@apotheca/contracts'
import { Problem, idempotent, type Answer, type Tx } from '@apotheca/kernel'
import { appendLedger, applyDelta, ensureBatch, lockBatch, type BatchRow } from '../db/batch.repository.ts'
import { defaultLocationId, locationExists } from '../db/location.repository.ts'
import { planAdjustment, type Refusal } from '../domain/adjustment.ts'
import { dates, type InventoryDeps } from './deps.ts'
import { stockOf } from './get-stock.ts'
import { learnDrug } from './learn-drug.ts'
import { requestSecondPerson } from './confirm-adjustment.ts'
import { needsSecondPerson } from '../domain/controlled.ts'
import { batchView } from './views.ts'

/** An adjustment as a person sent it (PUT /inventory/{drugId}/adjust). */
export interface AdjustmentBody {
  quantity_delta: number
  reason: AdjustmentReason
  batch_number: string
  expiry_date?: string | undefined
  location_id?: string | undefined
  version?: number | undefined
}

/** Who adjusts what, under which retry key and expected batch version (If-Match or body). */
export interface AdjustRequest {
  drugId: string
  body: AdjustmentBody
  ifMatch?: number | undefined
  actor: string | null
  idempotencyKey?: string | undefined
}

/** Turns a domain refusal into the problem document it answers. */
export const refusalProblem = (r: Refusal) => new Problem(r.status, r.slug, r.title, r.detail)

/**
 * Adjusts one batch of a drug: receives (creating the batch), removes, or changes its status,
 * with a ledger row and an `inventory.stock.adjusted.v1` event in the same transaction. The drug is
 * checked with the catalog the first time, outside any transaction. A count of a controlled
 * substance only becomes pending (202) until a second person confirms it.
 */
export async function adjustStock(deps: InventoryDeps, req: AdjustRequest): Promise<Answer & { replayed: boolean }> {
  const drug = await learnDrug(deps, req.drugId)
  if (needsSecondPerson(req.body.reason, drug.dea_schedule)) return requestSecondPerson(deps, req)
  const fingerprint = { drug_id: req.drugId, body: req.body, if_match: req.ifMatch ?? null }
  return idempotent(deps.db, 'inventory', `adjust:${req.drugId}`, req.idempotencyKey, fingerprint, async () => ({
    status: 200,
    body: await applyAdjustment(deps, req),
  }))
}

async function applyAdjustment(deps: InventoryDeps, req: AdjustRequest) {
  const { body } = req
  if (body.location_id && !(await locationExists(deps.db, body.location_id))) {
    throw new Problem(422, 'unknown-location', 'No such location', `location ${body.location_id} does not exist`)
  }
  const locationId = body.location_id ?? (await defaultLocationId(deps.db))
  try {
    return await deps.db.transaction((tx) => adjustInTx(deps, tx, req, locationId))
  } catch (err) {
    if ((err as { code?: string }).code === '23514')
      throw new Problem(409, 'quantity-limit', 'The batch cannot hold that quantity', 'a batch holds at most 1,000,000,000 units')
    throw err
  }
}

/** Adjusts one batch inside the caller's transaction (the route, and the demo seed's receipts). */
export async function adjustInTx(deps: InventoryDeps, tx: Tx, req: AdjustRequest, locationId: string) {
  const { body, drugId } = req
  const { today } = dates(deps)
  const batch = (await lockBatch(tx, drugId, locationId, body.batch_number)) ?? (await createBatch(tx, req, locationId, today))
  const expected = expectedVersion(req)
  if (expected !== undefined && batch.version !== expected) {
    throw new Problem(
      412,
      'version-mismatch',
      'The batch has changed since it was read',
      `batch is at version ${batch.version}, not ${expected}`,
    )
  }
  const plan = planAdjustment(body, batch, today)
  if (!plan.ok) throw refusalProblem(plan.refusal)
  const after = await applyDelta(tx, batch.batch_id, plan.delta, plan.status, expected)
  if (!after)
    throw new Problem(
      409,
      'insufficient-stock',
      'Not enough stock in the batch',
      'the batch changed while adjusting it; nothing was changed',
    )
  await appendLedger(tx, {
    batch_id: after.batch_id,
    drug_id: drugId,
    quantity_delta: plan.delta,
    reason: body.reason,
    actor: req.actor,
    source: 'adjustment',
  })
  const stock = await stockOf(deps, tx, drugId)
  await deps.publish(tx, 'inventory.stock.adjusted.v1', drugId, {
    drug_id: drugId,
    batch_number: after.batch_number,
    location_id: after.location_id,
    quantity_delta: plan.delta,
    reason: body.reason,
    quantity_on_hand: stock.quantity_on_hand,
    actor_id: req.actor,
  })
  const { batches: _all, ...totals } = stock
  return {
    ...totals,
    batch_number: after.batch_number,
    location_id: after.location_id,
    reason: body.reason,
    quantity_delta: plan.delta,
    batch: batchView(after),
  }
}

/** A new batch (receipts only): created empty, then adjusted like any other, all in one transaction. */
async function createBatch(tx: Tx, req: AdjustRequest, locationId: string, today: string): Promise<BatchRow> {
  const plan = planAdjustment(req.body, null, today)
  if (!plan.ok) throw refusalProblem(plan.refusal)
  await ensureBatch(tx, {
    drug_id: req.drugId,
    location_id: locationId,
    batch_number: req.body.batch_number,
    expiry_date: plan.expiry_date,
  })
  const batch = await lockBatch(tx, req.drugId, locationId, req.body.batch_number)
  if (!batch) throw new Error('batch vanished after it was created')
  return batch
}

function expectedVersion(req: AdjustRequest): number | undefined {
  const { ifMatch } = req
  const inBody = req.body.version
  if (ifMatch !== undefined && inBody !== undefined && ifMatch !== inBody) {
    throw new Problem(412, 'version-mismatch', 'If-Match and version disagree', `If-Match says ${ifMatch}, the body ${inBody}`)
  }
  return ifMatch ?? inBody
}
