import type { Sql } from '@apotheca/kernel'
import { DRUG_COLUMNS, toDrug, type DrugRow } from './drug.repository.ts'
import type { SearchPage } from './drug-search.repository.ts'

/**
 * Other packages with the same active ingredients (as a set), strength, dosage form and route as
 * this drug, cheapest first. A drug whose strength or form is unknown has none: equal unknowns are
 * not evidence of equivalence. The ingredient test (@> and <@) uses the ingredients GIN index.
 */
export async function findEquivalents(db: Sql, drugId: string, page: { limit: number; offset: number }): Promise<SearchPage> {
  const { rows } = await db.query<DrugRow & { total: number }>(
    /* sql */ `SELECT ${DRUG_COLUMNS}, count(*) OVER () AS total
      FROM catalog.drugs s JOIN catalog.drugs d
        ON d.ingredients @> s.ingredients AND d.ingredients <@ s.ingredients
       AND lower(d.strength) = lower(s.strength) AND lower(d.dosage_form) = lower(s.dosage_form)
       AND lower(d.route) IS NOT DISTINCT FROM lower(s.route) AND d.drug_id <> s.drug_id
      WHERE s.drug_id = $1 AND cardinality(s.ingredients) > 0
      ORDER BY d.price_minor, d.name, d.ndc_code
      LIMIT $2 OFFSET $3`,
    [drugId, page.limit, page.offset],
  )
  if (rows[0] || page.offset === 0) return { results: rows.map(toDrug), total: rows[0] ? Number(rows[0].total) : 0 }
  const { rows: n } = await db.query<{ n: number }>(
    /* sql */ `SELECT count(*)::int AS n FROM catalog.drugs s JOIN catalog.drugs d
        ON d.ingredients @> s.ingredients AND d.ingredients <@ s.ingredients
       AND lower(d.strength) = lower(s.strength) AND lower(d.dosage_form) = lower(s.dosage_form)
       AND lower(d.route) IS NOT DISTINCT FROM lower(s.route) AND d.drug_id <> s.drug_id
      WHERE s.drug_id = $1 AND cardinality(s.ingredients) > 0`,
    [drugId],
  )
  return { results: [], total: n[0]?.n ?? 0 }
}
