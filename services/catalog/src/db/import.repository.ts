import type { Sql } from '@apotheca/kernel'

/** The two files the catalog imports, and the staging table each is copied into. */
export const STAGING = { drugs: 'catalog.drugs_staging', interactions: 'catalog.interactions_staging' } as const
/** Which file: the drug catalog or the interaction rules. */
export type ImportKind = keyof typeof STAGING

/** Counts of one import: rows in the file, rows inserted or changed, rows already up to date. */
export interface ImportCounts {
  rows_read: number
  upserted: number
  skipped: number
}

/** Serialises imports across replicas for the rest of the transaction. */
export async function lockImports(tx: Sql): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('catalog.imports'))`)
}

/** The sha256 of the last completed import of this source, if any. */
export async function lastImportSha(db: Sql, source: string): Promise<string | null> {
  const { rows } = await db.query<{ sha256: string }>(
    /* sql */ `SELECT sha256 FROM catalog.imports WHERE source = $1 ORDER BY completed_at DESC LIMIT 1`,
    [source],
  )
  return rows[0]?.sha256 ?? null
}

/** Records a completed import (its file's hash lets the next start skip an unchanged file). */
export async function recordImport(tx: Sql, i: ImportCounts & { import_id: string; source: string; sha256: string; started_at: Date }) {
  await tx.query(
    /* sql */ `INSERT INTO catalog.imports (import_id, source, sha256, rows_read, upserted, skipped, started_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [i.import_id, i.source, i.sha256, i.rows_read, i.upserted, i.skipped, i.started_at.toISOString()],
  )
}

/** How many rows a staging table holds. */
export async function stagedRows(tx: Sql, staging: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${staging}`)
  return rows[0]?.n ?? 0
}

/** INSERT … SELECT from staging; with `conflictOn`, an upsert that rewrites a row only when a field changed. */
export function insertFromStaging(
  table: string,
  staging: string,
  keys: string[],
  fields: string[],
  conflictOn?: { touch?: string; update?: string[] },
) {
  const all = [...keys, ...fields].join(', ')
  const insert = /* sql */ `INSERT INTO ${table} (${all}) SELECT ${all} FROM ${staging}`
  if (!conflictOn) return insert
  const set = conflictOn.update ?? fields
  return /* sql */ `${insert}
    ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set.map((f) => `${f} = EXCLUDED.${f}`).join(', ')}${conflictOn.touch ?? ''}
    WHERE (${set.map((f) => `${table}.${f}`).join(', ')}) IS DISTINCT FROM (${set.map((f) => `EXCLUDED.${f}`).join(', ')})`
}

/**
 * Runs fn with the table's indexes and unique constraints dropped, then rebuilds them: building an
 * index once is several times faster than maintaining it row by row (first load of an empty table).
 * The definitions are read from the system catalog, so the migration stays the one place declaring them;
 * a duplicate key in the data fails the rebuild and so the whole transaction.
 */
export async function withoutIndexes<T>(tx: Sql, schema: string, table: string, fn: () => Promise<T>): Promise<T> {
  const qualified = `${schema}.${table}`
  const { rows: constraints } = await tx.query<{ name: string; def: string }>(
    /* sql */ `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`,
    [qualified],
  )
  const { rows: indexes } = await tx.query<{ name: string; def: string }>(
    /* sql */ `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND NOT (indexname = ANY($3::text[]))`,
    [schema, table, constraints.map((c) => c.name)],
  )
  for (const i of indexes) await tx.query(`DROP INDEX ${schema}.${i.name}`)
  for (const c of constraints) await tx.query(`ALTER TABLE ${qualified} DROP CONSTRAINT ${c.name}`)
  const result = await fn()
  for (const c of constraints) await tx.query(`ALTER TABLE ${qualified} ADD CONSTRAINT ${c.name} ${c.def}`)
  for (const i of indexes) await tx.query(i.def)
  return result
}
