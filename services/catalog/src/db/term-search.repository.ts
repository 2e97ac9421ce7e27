import type { Sql } from '@apotheca/kernel'
import type { NameQuery } from '../domain/name-query.ts'
import { DRUG_COLUMNS, toDrug, type DrugRow } from './drug.repository.ts'
import type { SearchPage } from './drug-search.repository.ts'
import { Params, termMatch } from './term-match.ts'

/** Drugs sharing a rank before this group: everything ranked above it (window sum with peers, minus the group). */
const before = (order: string, group: string) =>
  `sum(t.drug_count) OVER (ORDER BY ${order}) - sum(t.drug_count) OVER (PARTITION BY ${group})`

/**
 * A name search without drug filters, ranked at term level. The rank of a drug is its term's (tier,
 * closeness of the product name, of the other names) and then its own name and NDC, so a page needs only
 * the terms whose rank group starts before the page ends, and the total is the sum of the terms' drug
 * counts. The costly similarity functions run in steps, each on the groups that can still reach the page:
 * the tier is cheap for every match, the name's closeness is computed for the tiers that reach the page,
 * the other names' for the (tier, name) groups that do. Same order and total as the drug-level query.
 */
export async function searchByTerms(db: Sql, q: NameQuery, page: { limit: number; offset: number }): Promise<SearchPage> {
  const p = new Params()
  const m = termMatch(q, p)
  const end = p.add(page.offset + page.limit)
  const order = 'h.tier, h.name_sim DESC, h.other_sim DESC, h.name, h.ndc_code'
  const sql = /* sql */ `WITH m AS MATERIALIZED (
      SELECT t.search_text, t.name, t.generic, t.brand, t.drug_count, ${m.tier} AS tier
      FROM catalog.search_terms t WHERE ${m.where}),
    by_tier AS MATERIALIZED (
      SELECT t.*, ${m.nameSim} AS name_sim
      FROM (SELECT t.*, ${before('t.tier', 't.tier')} AS before_tier FROM m t) t WHERE t.before_tier < ${end}),
    by_name AS MATERIALIZED (
      SELECT t.*, ${m.otherSim} AS other_sim
      FROM (SELECT t.*, ${before('t.tier, t.name_sim DESC', 't.tier, t.name_sim')} AS before_name FROM by_tier t) t WHERE t.before_name < ${end}),
    terms AS (
      SELECT t.* FROM (SELECT t.*, ${before('t.tier, t.name_sim DESC, t.other_sim DESC', 't.tier, t.name_sim, t.other_sim')} AS before_all FROM by_name t) t
      WHERE t.before_all < ${end}),
    page AS (
      SELECT d.drug_id, t.tier, t.name_sim, t.other_sim, d.name, d.ndc_code
      FROM terms t JOIN catalog.drugs d ON d.search_text = t.search_text
      ORDER BY t.tier, t.name_sim DESC, t.other_sim DESC, d.name, d.ndc_code LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)})
    SELECT ${DRUG_COLUMNS}, c.total
    FROM (SELECT coalesce(sum(drug_count), 0)::int AS total FROM m) c
    LEFT JOIN page h ON true LEFT JOIN catalog.drugs d ON d.drug_id = h.drug_id
    ORDER BY ${order}`
  const { rows } = await db.query<DrugRow & { total: number }>(sql, p.values)
  return { results: rows.filter((r) => r.drug_id !== null).map(toDrug), total: Number(rows[0]?.total ?? 0) }
}
