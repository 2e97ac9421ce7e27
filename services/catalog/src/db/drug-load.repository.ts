import type { Sql } from '@apotheca/kernel'
import { rowChunks, type CopyTx } from './copy.ts'
import { STAGING, insertFromStaging, stagedRows, withoutIndexes, type ImportCounts } from './import.repository.ts'

const DRUG_FIELDS = [
  'ndc_code',
  'ndc_package_hyphenated',
  'product_ndc',
  'name',
  'nonproprietary_name',
  'brand_name',
  'strength',
  'dosage_form',
  'route',
  'ingredients',
  'ingredient_rxcuis',
  'rxcui',
  'atc_codes',
  'dea_schedule',
  'rx_only',
  'rx_only_source',
  'dea_schedule_source',
  'price_minor',
  'price_source',
  'manufacturer',
  'description',
]

/** Columns only the RxNorm-mapped catalog file fills. */
const CODE_FIELDS = ['ingredient_rxcuis', 'rxcui', 'atc_codes']

/** About 4,000 drug rows: each COPY and upsert statement of an import stays near 100 ms on PGlite, so requests get turns between them. */
const CHUNK_BYTES = 1 << 20
/** Search texts recounted per statement (about 7,000 drugs at ~15 packages a text). */
const TERM_BATCH = 500

/**
 * Moves the drug file's rows into catalog.drugs, a chunk at a time through the staging table: into an
 * empty table in bulk (indexes rebuilt after), else as an upsert that touches only changed rows. Never
 * deletes: orders and prescriptions keep their ids. The search terms of the rows it wrote are recounted.
 */
export async function upsertDrugs(tx: CopyTx, data: Uint8Array, opts: { keepCodes?: boolean } = {}): Promise<ImportCounts> {
  const before = (await tx.query<{ n: number }>(/* sql */ `SELECT count(*)::int AS n FROM catalog.drugs`)).rows[0]!.n
  const upsert = `${
    before === 0
      ? insertFromStaging('catalog.drugs', STAGING.drugs, ['drug_id'], DRUG_FIELDS)
      : insertFromStaging('catalog.drugs', STAGING.drugs, ['drug_id'], DRUG_FIELDS, {
          touch: ', updated_at = now()',
          // The FDA files carry no RxNorm or ATC codes: an update from them keeps the ones already known.
          ...(opts.keepCodes ? { update: DRUG_FIELDS.filter((f) => !CODE_FIELDS.includes(f)) } : {}),
        })
  } RETURNING search_text`
  // The texts whose drug counts may change: those of the rows written, and those rows had before.
  const terms = new Set<string>()
  let rows_read = 0
  let upserted = 0
  const load = async () => {
    for (const chunk of rowChunks(data, CHUNK_BYTES)) {
      await tx.copy(STAGING.drugs, chunk)
      rows_read += await stagedRows(tx, STAGING.drugs)
      if (before > 0) for (const t of await textsLeaving(tx)) terms.add(t)
      const r = await tx.query<{ search_text: string }>(upsert)
      for (const row of r.rows) terms.add(row.search_text)
      upserted += r.rowCount
      await tx.query(`TRUNCATE ${STAGING.drugs}`)
    }
  }
  if (before === 0) await withoutIndexes(tx, 'catalog', 'drugs', load)
  else await load()
  await refreshSearchTerms(tx, [...terms])
  // Statistics for the columns searches filter on, in the same transaction as the data they describe,
  // when enough changed to move them (PostgreSQL's autovacuum threshold: 50 rows and a tenth of the table).
  if (upserted > 50 + before / 10)
    await tx.query(
      /* sql */ `ANALYZE catalog.drugs (search_text, product_code, ndc_code, rxcui, ingredients, rx_only, dosage_form, route, dea_schedule)`,
    )
  await tx.query(/* sql */ `ANALYZE catalog.search_terms`)
  return { rows_read, upserted, skipped: rows_read - upserted }
}

/**
 * The search texts of staged drugs already in the catalog whose text the staged row changes. A subquery
 * per row, so each is one primary-key probe: the staging table has no statistics, and joined the planner
 * hashes all of catalog.drugs for a chunk of a few thousand rows.
 */
async function textsLeaving(tx: Sql): Promise<string[]> {
  const { rows } = await tx.query<{ search_text: string }>(/* sql */ `SELECT DISTINCT o.search_text FROM (
       SELECT (SELECT d.search_text FROM catalog.drugs d WHERE d.drug_id = s.drug_id) AS search_text,
         catalog.search_text(s.name, s.nonproprietary_name, s.brand_name, s.ingredients) AS staged
       FROM ${STAGING.drugs} s) o
     WHERE o.search_text IS DISTINCT FROM o.staged AND o.search_text IS NOT NULL`)
  return rows.map((r) => r.search_text)
}

/**
 * Brings these search texts up to date: added (with the lower-case names ranking uses) when new, their
 * drug counts recounted, dropped when no drug carries them any more. The other texts did not change.
 */
async function refreshSearchTerms(tx: Sql, texts: string[]): Promise<void> {
  for (let i = 0; i < texts.length; i += TERM_BATCH) {
    const batch = texts.slice(i, i + TERM_BATCH)
    await tx.query(
      /* sql */ `INSERT INTO catalog.search_terms (search_text, name, generic, brand, ingredients, drug_count)
      SELECT d.search_text, min(lower(d.name)), min(lower(d.nonproprietary_name)), min(lower(d.brand_name)), min(d.ingredients), count(*)
      FROM catalog.drugs d WHERE d.search_text = ANY($1::text[]) GROUP BY d.search_text
      ON CONFLICT (search_text) DO UPDATE SET drug_count = EXCLUDED.drug_count
      WHERE catalog.search_terms.drug_count <> EXCLUDED.drug_count`,
      [batch],
    )
    await tx.query(
      /* sql */ `DELETE FROM catalog.search_terms t WHERE t.search_text = ANY($1::text[])
      AND NOT EXISTS (SELECT 1 FROM catalog.drugs d WHERE d.search_text = t.search_text)`,
      [batch],
    )
  }
}
