import type { Sql } from '@apotheca/kernel'
import { toBatch, BATCH_COLUMNS, type BatchRow, type StoredBatch } from './batch.repository.ts'

/** Every batch of a lot (one drug, one batch number, any location), locked in batch_id order like every writer. */
export async function lockLot(tx: Sql, drugId: string, batchNumber: string): Promise<BatchRow[]> {
  const { rows } = await tx.query<StoredBatch>(
    /* sql */ `SELECT ${BATCH_COLUMNS} FROM inventory.batches WHERE drug_id = $1 AND batch_number = $2 ORDER BY batch_id FOR UPDATE`,
    [drugId, batchNumber],
  )
  return rows.map(toBatch)
}

/** Records a recall. */
export async function insertRecall(
  tx: Sql,
  r: { recall_id: string; drug_id: string; batch_number: string; reason: string; actor: string | null },
): Promise<void> {
  await tx.query(/* sql */ `INSERT INTO inventory.recalls (recall_id, drug_id, batch_number, reason, actor) VALUES ($1, $2, $3, $4, $5)`, [
    r.recall_id,
    r.drug_id,
    r.batch_number,
    r.reason,
    r.actor,
  ])
}

/** Orders holding units of these batches (held reservations), oldest first. */
export async function openOrdersOn(
  sql: Sql,
  batchIds: string[],
): Promise<Array<{ order_id: string; reservation_id: string; quantity: number }>> {
  const { rows } = await sql.query<{ order_id: string; reservation_id: string; quantity: number }>(
    /* sql */ `SELECT r.order_id, r.reservation_id, sum(i.quantity)::int AS quantity
     FROM inventory.reservation_items i JOIN inventory.reservations r USING (reservation_id)
     WHERE i.batch_id = ANY($1::uuid[]) AND r.status = 'held' GROUP BY r.order_id, r.reservation_id, r.created_at ORDER BY r.created_at, r.order_id`,
    [batchIds],
  )
  return rows
}

/** Patients dispensed units of these batches (committed reservations), oldest first. */
export async function suppliedFrom(
  sql: Sql,
  batchIds: string[],
): Promise<Array<{ order_id: string; patient_id: string; quantity: number }>> {
  const { rows } = await sql.query<{ order_id: string; patient_id: string; quantity: number }>(
    /* sql */ `SELECT r.order_id, r.patient_id, sum(i.quantity)::int AS quantity
     FROM inventory.reservation_items i JOIN inventory.reservations r USING (reservation_id)
     WHERE i.batch_id = ANY($1::uuid[]) AND r.status = 'committed' GROUP BY r.order_id, r.patient_id, r.committed_at ORDER BY r.committed_at, r.order_id`,
    [batchIds],
  )
  return rows
}
