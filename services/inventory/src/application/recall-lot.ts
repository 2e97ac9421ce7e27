import { randomUUID } from 'node:crypto'
import { idempotent, notFound, type Answer, type Tx } from '@apotheca/kernel'
import { appendLedger, applyDelta, batchesOfDrug } from '../db/batch.repository.ts'
import { insertRecall, lockLot, openOrdersOn, suppliedFrom } from '../db/recall.repository.ts'
import { nextStatus } from '../domain/adjustment.ts'
import type { InventoryDeps } from './deps.ts'
import { batchView } from './views.ts'

/** A recall as staff send it (POST /inventory/{drugId}/recall). */
export interface RecallRequest {
  drugId: string
  batchNumber: string
  reason: string
  actor: string | null
  idempotencyKey?: string | undefined
}

/**
 * Recalls a lot: every batch of the drug with that batch number, at every location, becomes
 * `recalled` (final: never reserved or dispensed again; held units are picked again at commit),
 * with a ledger row each. One `inventory.stock.recalled.v1` names the open orders holding the lot
 * and the patients already supplied from it, in the same transaction.
 */
export async function recallLot(deps: InventoryDeps, req: RecallRequest): Promise<Answer & { replayed: boolean }> {
  const fingerprint = { drug_id: req.drugId, batch_number: req.batchNumber, reason: req.reason }
  return idempotent(deps.db, 'inventory', `recall:${req.drugId}`, req.idempotencyKey, fingerprint, async () => ({
    status: 200,
    body: await deps.db.transaction((tx) => recallInTx(deps, tx, req)),
  }))
}

async function recallInTx(deps: InventoryDeps, tx: Tx, req: RecallRequest) {
  const lot = await lockLot(tx, req.drugId, req.batchNumber)
  if (lot.length === 0) throw notFound('Lot')
  const recall_id = randomUUID()
  await insertRecall(tx, { recall_id, drug_id: req.drugId, batch_number: req.batchNumber, reason: req.reason, actor: req.actor })
  const after = []
  for (const b of lot) {
    if (b.status === 'recalled') {
      after.push(b)
      continue
    }
    const changed = await applyDelta(tx, b.batch_id, 0, nextStatus('recall', b.status)!)
    if (!changed) throw new Error(`batch ${b.batch_id} refused a status change while locked`)
    await appendLedger(tx, {
      batch_id: b.batch_id,
      drug_id: req.drugId,
      quantity_delta: 0,
      reason: 'recall',
      actor: req.actor,
      source: `recall:${recall_id}`,
    })
    after.push(changed)
  }
  const ids = lot.map((b) => b.batch_id)
  const open_orders = await openOrdersOn(tx, ids)
  const supplied = await suppliedFrom(tx, ids)
  const drugOnHand = (await batchesOfDrug(tx, req.drugId)).reduce((n, b) => n + b.quantity_on_hand, 0)
  for (const b of after.filter((x, i) => lot[i]!.status !== 'recalled')) {
    await deps.publish(tx, 'inventory.stock.adjusted.v1', req.drugId, {
      drug_id: req.drugId,
      batch_number: b.batch_number,
      location_id: b.location_id,
      quantity_delta: 0,
      reason: 'recall',
      quantity_on_hand: drugOnHand,
      actor_id: req.actor,
    })
  }
  const payload = {
    recall_id,
    drug_id: req.drugId,
    batch_number: req.batchNumber,
    reason: req.reason,
    location_ids: [...new Set(lot.map((b) => b.location_id))],
    quantity_on_hand: lot.reduce((n, b) => n + b.quantity_on_hand, 0),
    open_orders,
    supplied,
    actor_id: req.actor,
  }
  await deps.publish(tx, 'inventory.stock.recalled.v1', req.drugId, payload)
  return { ...payload, batches: after.map(batchView) }
}
