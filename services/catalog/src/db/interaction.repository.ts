import type { Sql } from '@apotheca/kernel'
import type { InteractionRule } from '../domain/interactions.ts'
import { rowChunks, type CopyTx } from './copy.ts'
import { STAGING, insertFromStaging, stagedRows, type ImportCounts } from './import.repository.ts'

/** The interaction rules whose two ingredients are both among these names. */
export async function findRulesAmong(db: Sql, names: string[]): Promise<InteractionRule[]> {
  if (names.length < 2) return []
  const { rows } = await db.query<InteractionRule>(
    /* sql */ `SELECT i.ingredient_a, i.ingredient_b, i.severity, i.description, i.source
     FROM catalog.interactions i
     WHERE i.ingredient_a = ANY($1::text[]) AND i.ingredient_b = ANY($1::text[])
     ORDER BY i.ingredient_a, i.ingredient_b`,
    [names],
  )
  return rows
}

/** Makes catalog.interactions equal to the file's rules (staged a chunk at a time): upserts them and deletes rules no longer listed. */
export async function replaceInteractions(tx: CopyTx, data: Uint8Array): Promise<ImportCounts & { deleted: number }> {
  for (const chunk of rowChunks(data, 1 << 20)) await tx.copy(STAGING.interactions, chunk)
  const rows_read = await stagedRows(tx, STAGING.interactions)
  const sql = insertFromStaging(
    'catalog.interactions',
    STAGING.interactions,
    ['ingredient_a', 'ingredient_b'],
    ['severity', 'description', 'source'],
    {},
  )
  const r = await tx.query(sql)
  const deleted = await tx.query(/* sql */ `DELETE FROM catalog.interactions i WHERE NOT EXISTS (
    SELECT 1 FROM catalog.interactions_staging s WHERE s.ingredient_a = i.ingredient_a AND s.ingredient_b = i.ingredient_b)`)
  await tx.query(`TRUNCATE ${STAGING.interactions}`)
  await tx.query(/* sql */ `ANALYZE catalog.interactions`)
  return { rows_read, upserted: r.rowCount, skipped: rows_read - r.rowCount, deleted: deleted.rowCount }
}
