import type { Database } from '@apotheca/kernel'
import { appendLedger, applyDelta, ensureBatch, lockBatch } from '../../services/inventory/src/db/batch.repository.ts'
import { DEFAULT_LOCATION_ID } from '../../services/inventory/src/db/location.repository.ts'

/** Puts a batch on the shelf at the default location, with its ledger row. */
export async function stockBatch(
  db: Database,
  b: { drug_id: string; batch_number: string; expiry_date: string; quantity: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    const key = { drug_id: b.drug_id, location_id: DEFAULT_LOCATION_ID, batch_number: b.batch_number }
    await ensureBatch(tx, { ...key, expiry_date: b.expiry_date })
    const row = (await lockBatch(tx, key.drug_id, key.location_id, key.batch_number))!
    await applyDelta(tx, row.batch_id, b.quantity, 'available')
    await appendLedger(tx, {
      batch_id: row.batch_id,
      drug_id: b.drug_id,
      quantity_delta: b.quantity,
      reason: 'received',
      actor: 'bench',
      source: 'bench',
    })
  })
}
