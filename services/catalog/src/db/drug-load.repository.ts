import type { Sql } from '@apotheca/kernel'
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

/**
 * Moves the staged drugs into catalog.drugs: into an empty table in bulk (indexes rebuilt after), else
 * as an upsert that touches only changed rows. Never deletes: orders and prescriptions keep their ids.
 */
export async function upsertDrugs(tx: Sql, opts: { keepCodes?: boolean } = {}): Promise<ImportCounts> {
  const rows_read = await stagedRows(tx, STAGING.drugs)
  const empty = (await tx.query(/* sql */ `SELECT 1 FROM catalog.drugs LIMIT 1`)).rows.length === 0
  const r = empty
    ? await withoutIndexes(tx, 'catalog', 'drugs', () =>
        tx.query(insertFromStaging('catalog.drugs', STAGING.drugs, ['drug_id'], DRUG_FIELDS)),
      )
    : await tx.query(
        insertFromStaging('catalog.drugs', STAGING.drugs, ['drug_id'], DRUG_FIELDS, {
          touch: ', updated_at = now()',
          // The FDA files carry no RxNorm or ATC codes: an update from them keeps the ones already known.
          ...(opts.keepCodes ? { update: DRUG_FIELDS.filter((f) => !CODE_FIELDS.includes(f)) } : {}),
        }),
      )
  await refreshSearchTerms(tx)
  await tx.query(`TRUNCATE ${STAGING.drugs}`)
  // Statistics for the columns searches filter on, in the same transaction as the data they describe.
  await tx.query(
    /* sql */ `ANALYZE catalog.drugs (search_text, product_code, ndc_code, rxcui, ingredients, rx_only, dosage_form, route, dea_schedule)`,
  )
  await tx.query(/* sql */ `ANALYZE catalog.search_terms`)
  return { rows_read, upserted: r.rowCount, skipped: rows_read - r.rowCount }
}

/** Adds the search texts of new drugs (with the lower-case names ranking uses), recounts their drugs, drops unused ones. */
async function refreshSearchTerms(tx: Sql): Promise<void> {
  await tx.query(/* sql */ `INSERT INTO catalog.search_terms (search_text, name, generic, brand, ingredients, drug_count)
    SELECT d.search_text, min(lower(d.name)), min(lower(d.nonproprietary_name)), min(lower(d.brand_name)), min(d.ingredients), count(*)
    FROM catalog.drugs d GROUP BY d.search_text
    ON CONFLICT (search_text) DO UPDATE SET drug_count = EXCLUDED.drug_count
    WHERE catalog.search_terms.drug_count <> EXCLUDED.drug_count`)
  await tx.query(
    /* sql */ `DELETE FROM catalog.search_terms t WHERE NOT EXISTS (SELECT 1 FROM catalog.drugs d WHERE d.search_text = t.search_text)`,
  )
}
