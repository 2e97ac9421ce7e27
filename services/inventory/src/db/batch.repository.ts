import { randomUUID } from 'node:crypto'
import type { AdjustmentReason, BatchStatus } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'
import type { BatchStock } from '../domain/fefo.ts'

/** A batch row: its stock plus its optimistic-concurrency version. */
export type BatchRow = BatchStock & { version: number }

/** The columns a BatchRow is read from. */
export const BATCH_COLUMNS = /* sql */ `batch_id, drug_id, location_id, batch_number, expiry_date::text AS expiry_date,
  quantity_on_hand, quantity_reserved, status, version`

/** A batch row as read from the database. */
/** A batch row as the driver reads it: counts may come as strings. */
export type StoredBatch = Omit<BatchRow, 'quantity_on_hand' | 'quantity_reserved' | 'version'> &
  Record<'quantity_on_hand' | 'quantity_reserved' | 'version', number | string>

export const toBatch = (r: StoredBatch): BatchRow => ({
  ...r,
  quantity_on_hand: Number(r.quantity_on_hand),
  quantity_reserved: Number(r.quantity_reserved),
  version: Number(r.version),
})

/** Every batch of a drug, soonest expiry first (read only). */
export async function batchesOfDrug(sql: Sql, drugId: string): Promise<BatchRow[]> {
  const { rows } = await sql.query<StoredBatch>(
    /* sql */ `SELECT ${BATCH_COLUMNS} FROM inventory.batches WHERE drug_id = $1 ORDER BY expiry_date, batch_number, batch_id`,
    [drugId],
  )
  return rows.map(toBatch)
}

/** Locks one batch by its natural key for the rest of the transaction; null when there is none. */
export async function lockBatch(tx: Sql, drugId: string, locationId: string, batchNumber: string): Promise<BatchRow | null> {
  const { rows } = await tx.query<StoredBatch>(
    /* sql */ `SELECT ${BATCH_COLUMNS} FROM inventory.batches WHERE drug_id = $1 AND location_id = $2 AND batch_number = $3 FOR UPDATE`,
    [drugId, locationId, batchNumber],
  )
  return rows[0] ? toBatch(rows[0]) : null
}

/**
 * Locks every batch with stock of these drugs, in batch_id order: every writer locks in the same
 * order, so concurrent reservations and commits cannot deadlock.
 */
export async function lockStockOfDrugs(tx: Sql, drugIds: string[]): Promise<BatchRow[]> {
  const { rows } = await tx.query<StoredBatch>(
    /* sql */ `SELECT ${BATCH_COLUMNS} FROM inventory.batches WHERE drug_id = ANY($1::uuid[]) AND quantity_on_hand > 0 ORDER BY batch_id FOR UPDATE`,
    [drugIds],
  )
  return rows.map(toBatch)
}

/** Creates an empty batch unless it exists (a concurrent receipt may have made it); the delta follows. */
export async function ensureBatch(
  tx: Sql,
  b: { drug_id: string; location_id: string; batch_number: string; expiry_date: string },
): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO inventory.batches (batch_id, drug_id, location_id, batch_number, expiry_date)
     VALUES ($1, $2, $3, $4, $5::date) ON CONFLICT (drug_id, location_id, batch_number) DO NOTHING`,
    [randomUUID(), b.drug_id, b.location_id, b.batch_number, b.expiry_date],
  )
}

/**
 * Adds delta to a batch and sets its status, only if it stays at or above what is reserved (and
 * at the expected version, when given): the check is in the WHERE clause, so no interleaving can
 * oversell. Returns the batch after the change, or null when the condition did not hold.
 */
export async function applyDelta(
  tx: Sql,
  batchId: string,
  delta: number,
  status: BatchStatus,
  expectedVersion?: number,
): Promise<BatchRow | null> {
  const { rows } = await tx.query<StoredBatch>(
    /* sql */ `UPDATE inventory.batches
     SET quantity_on_hand = quantity_on_hand + $2, status = $3, version = version + 1, updated_at = now()
     WHERE batch_id = $1 AND quantity_on_hand + $2 >= quantity_reserved AND ($4::int IS NULL OR version = $4::int)
     RETURNING ${BATCH_COLUMNS}`,
    [batchId, delta, status, expectedVersion ?? null],
  )
  return rows[0] ? toBatch(rows[0]) : null
}

/** Holds units of an available batch for a reservation, only if that many are free. */
export async function holdUnits(tx: Sql, batchId: string, quantity: number): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `UPDATE inventory.batches SET quantity_reserved = quantity_reserved + $2, version = version + 1, updated_at = now()
     WHERE batch_id = $1 AND status = 'available' AND quantity_on_hand - quantity_reserved >= $2`,
    [batchId, quantity],
  )
  return r.rowCount === 1
}

/** Gives held units back to a batch (release); never below zero reserved. */
export async function unholdUnits(tx: Sql, batchId: string, quantity: number): Promise<boolean> {
  const r = await tx.query(
    /* sql */ `UPDATE inventory.batches SET quantity_reserved = quantity_reserved - $2, version = version + 1, updated_at = now()
     WHERE batch_id = $1 AND quantity_reserved >= $2`,
    [batchId, quantity],
  )
  return r.rowCount === 1
}

/**
 * Removes dispensed units from a batch: held ones (`held` true: on hand and reserved both drop)
 * or free ones of an available batch. Returns the batch's new on-hand quantity, or null when refused.
 */
export async function dispenseUnits(tx: Sql, batchId: string, quantity: number, held: boolean): Promise<number | null> {
  const { rows } = await tx.query<{ quantity_on_hand: number }>(
    held
      ? /* sql */ `UPDATE inventory.batches SET quantity_on_hand = quantity_on_hand - $2, quantity_reserved = quantity_reserved - $2,
           version = version + 1, updated_at = now() WHERE batch_id = $1 AND quantity_reserved >= $2 RETURNING quantity_on_hand`
      : /* sql */ `UPDATE inventory.batches SET quantity_on_hand = quantity_on_hand - $2, version = version + 1, updated_at = now()
           WHERE batch_id = $1 AND status = 'available' AND quantity_on_hand - quantity_reserved >= $2 RETURNING quantity_on_hand`,
    [batchId, quantity],
  )
  return rows[0] ? Number(rows[0].quantity_on_hand) : null
}

/** One row of the append-only stock ledger. */
export interface LedgerEntry {
  batch_id: string
  drug_id: string
  quantity_delta: number
  reason: AdjustmentReason
  actor: string | null
  source: string | null
}

/** Appends a ledger row in the caller's transaction. */
export async function appendLedger(tx: Sql, e: LedgerEntry): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO inventory.ledger (batch_id, drug_id, quantity_delta, reason, actor, source) VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.batch_id, e.drug_id, e.quantity_delta, e.reason, e.actor, e.source],
  )
}

/** Batches whose on-hand quantity differs from the sum of their ledger (should be none). */
export async function ledgerMismatches(sql: Sql, drugId?: string): Promise<Array<{ batch_id: string; on_hand: number; ledger: number }>> {
  const { rows } = await sql.query<{ batch_id: string; on_hand: number | string; ledger: number | string }>(
    /* sql */ `SELECT b.batch_id, b.quantity_on_hand AS on_hand, COALESCE(sum(l.quantity_delta), 0)::int AS ledger
     FROM inventory.batches b LEFT JOIN inventory.ledger l ON l.batch_id = b.batch_id
     WHERE $1::uuid IS NULL OR b.drug_id = $1::uuid
     GROUP BY b.batch_id, b.quantity_on_hand HAVING b.quantity_on_hand <> COALESCE(sum(l.quantity_delta), 0)`,
    [drugId ?? null],
  )
  return rows.map((r) => ({ batch_id: r.batch_id, on_hand: Number(r.on_hand), ledger: Number(r.ledger) }))
}
