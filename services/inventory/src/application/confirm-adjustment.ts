import { randomUUID } from 'node:crypto'
import { Problem, conflict, idempotent, notFound, type Answer } from '@apotheca/kernel'
import { balancesOf, insertPending, lockPending, markConfirmed, registerOf } from '../db/controlled.repository.ts'
import { knownDrug } from '../db/drug.repository.ts'
import { defaultLocationId } from '../db/location.repository.ts'
import { isControlled } from '../domain/controlled.ts'
import { adjustInTx, type AdjustRequest } from './adjust-stock.ts'
import type { InventoryDeps } from './deps.ts'

/** A count of a controlled drug: recorded as pending (202), changing nothing until a second person confirms. */
export async function requestSecondPerson(deps: InventoryDeps, req: AdjustRequest): Promise<Answer & { replayed: boolean }> {
  if (!req.actor) throw new Problem(403, 'forbidden', 'Forbidden', 'a count needs a named person')
  const actor = req.actor
  return idempotent(
    deps.db,
    'inventory',
    `adjust:${req.drugId}`,
    req.idempotencyKey,
    { drug_id: req.drugId, body: req.body, if_match: req.ifMatch ?? null },
    async () => {
      const adjustment_id = randomUUID()
      const body = { ...req.body, ...(req.ifMatch !== undefined ? { version: req.ifMatch } : {}) }
      await insertPending(deps.db, { adjustment_id, drug_id: req.drugId, body, requested_by: actor })
      return { status: 202, body: { adjustment_id, status: 'pending', drug_id: req.drugId, ...body, requested_by: actor } }
    },
  )
}

/**
 * Applies a pending count when a second staff member confirms it: the same checks as any
 * adjustment (version, never below reserved), in one transaction with marking it confirmed.
 */
export async function confirmAdjustment(deps: InventoryDeps, adjustmentId: string, confirmer: string | null) {
  return deps.db.transaction(async (tx) => {
    const p = await lockPending(tx, adjustmentId)
    if (!p) throw notFound('Adjustment')
    if (p.status !== 'pending')
      throw conflict('already-confirmed', 'The adjustment was confirmed already', `adjustment ${adjustmentId} is ${p.status}`)
    if (!confirmer || confirmer === p.requested_by) {
      throw new Problem(
        403,
        'second-person-required',
        'A second person must confirm',
        'whoever requested a count of a controlled substance cannot confirm it',
      )
    }
    const locationId = p.body.location_id ?? (await defaultLocationId(tx))
    const result = await adjustInTx(deps, tx, { drugId: p.drug_id, body: p.body, actor: p.requested_by }, locationId)
    await markConfirmed(tx, adjustmentId, confirmer)
    return { ...result, adjustment_id: adjustmentId, requested_by: p.requested_by, confirmed_by: confirmer }
  })
}

/** A controlled drug's perpetual inventory: balance per location and every change with its running balance. */
export async function controlledRegister(deps: InventoryDeps, drugId: string) {
  const drug = await knownDrug(deps.db, drugId)
  if (!drug || !isControlled(drug.dea_schedule)) throw notFound('Controlled drug')
  return {
    drug_id: drugId,
    dea_schedule: drug.dea_schedule,
    balances: await balancesOf(deps.db, drugId),
    entries: await registerOf(deps.db, drugId),
  }
}
