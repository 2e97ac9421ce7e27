import type { Sql } from '@apotheca/kernel'
import type { CatalogDrug, DrugSearch } from '../domain/drug.ts'
import { ingredientKeys } from '../domain/ingredient.ts'
import { nameQuery, type NameQuery } from '../domain/name-query.ts'
import { DRUG_COLUMNS, toDrug, type DrugRow } from './drug.repository.ts'

/** A page of search results and how many drugs matched in all. */
export interface SearchPage {
  results: CatalogDrug[]
  total: number
}

/** Collects positional parameters while SQL is assembled. */
class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

interface Plan {
  cte: string
  from: string
  where: string[]
  order: string
}

/**
 * The name part. Matching and ranking run on catalog.search_terms (the ~8,000 distinct search texts,
 * trigram GiST index), so the costly similarity functions run once per text, not once per package;
 * the drugs carrying the matched texts are joined after. Tiers: 0 exact name (product, generic, brand),
 * 1 exact ingredient, 2 product or brand name prefix (type-ahead), 3 generic prefix, 4 every word
 * present, 5 similar only (typos); then closeness of the product name, then of the other names.
 */
function namePlan(q: NameQuery, p: Params): Plan {
  const text = p.add(q.text)
  const prefix = p.add(q.prefix)
  const words = q.words.map((w) => `t.search_text ${w.op === 'like' ? 'LIKE' : '~'} ${p.add(w.pattern)}`).join(' AND ')
  const names = ['t.name', 't.generic', 't.brand']
  return {
    cte: /* sql */ `WITH m AS MATERIALIZED (
      SELECT t.search_text,
        CASE WHEN ${names.map((n) => `${n} = ${text}`).join(' OR ')} THEN 0
          WHEN ${text} = ANY(t.ingredients) THEN 1
          WHEN t.name LIKE ${prefix} OR t.brand LIKE ${prefix} THEN 2
          WHEN t.generic LIKE ${prefix} THEN 3
          WHEN ${words} THEN 4
          ELSE 5 END AS tier,
        similarity(${text}, t.name) AS name_sim,
        greatest(similarity(${text}, coalesce(t.generic, '')), similarity(${text}, coalesce(t.brand, '')), word_similarity(${text}, t.search_text)) AS other_sim
      FROM catalog.search_terms t
      WHERE (${words})${q.fuzzy ? ` OR ${text} <% t.search_text` : ''})`,
    from: 'm JOIN catalog.drugs d ON d.search_text = m.search_text',
    // Spelled out as an array so the planner probes the drugs' search_text index instead of scanning.
    where: ['d.search_text = ANY(ARRAY(SELECT m.search_text FROM m))'],
    order: 'm.tier, m.name_sim DESC, m.other_sim DESC, d.name, d.ndc_code',
  }
}

function filters(s: DrugSearch, p: Params): string[] {
  const where: string[] = []
  if (s.ndc) where.push(`d.${s.ndc.kind === 'package' ? 'ndc_code' : 'product_code'} = ANY(${p.add(s.ndc.codes)}::text[])`)
  if (s.ingredient) where.push(`d.ingredients && ${p.add(ingredientKeys(s.ingredient))}::text[]`)
  if (s.rx_only !== undefined) where.push(`d.rx_only = ${p.add(s.rx_only)}`)
  if (s.dosage_form) where.push(`lower(d.dosage_form) = lower(${p.add(s.dosage_form)})`)
  if (s.route) where.push(`lower(d.route) = lower(${p.add(s.route)})`)
  if (s.dea_schedule) where.push(`d.dea_schedule = ${p.add(s.dea_schedule)}`)
  return where
}

function plan(s: DrugSearch, p: Params): Plan | null {
  const base: Plan = { cte: '', from: 'catalog.drugs d', where: [], order: 'd.name, d.ndc_code' }
  if (s.q !== undefined) {
    const q = nameQuery(s.q)
    if (!q) return null
    Object.assign(base, namePlan(q, p))
  }
  base.where.push(...filters(s, p))
  return base
}

const whereClause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '')

/** Searches the catalog by name, NDC and/or ingredient with filters; ranked for names, else by name. */
export async function searchDrugs(db: Sql, s: DrugSearch): Promise<SearchPage> {
  const p = new Params()
  const pl = plan(s, p)
  if (!pl) return { results: [], total: 0 }
  // Rank and count on narrow rows (id and sort keys), then read the page's full rows: sorting and
  // counting thousands of wide rows (arrays, descriptions) was most of a broad query's time.
  const keys = pl.order.split(',').map((k) => k.trim().split(' ')[0]!)
  const sortKeys = keys.map((k, i) => `${k} AS k${i}`).join(', ')
  const pageOrder = pl.order.split(',').map((k, i) => `h.k${i}${k.trim().includes(' DESC') ? ' DESC' : ''}`).join(', ')
  const sql = /* sql */ `${pl.cte ? `${pl.cte},` : 'WITH'} hits AS MATERIALIZED (
      SELECT d.drug_id, ${sortKeys} FROM ${pl.from} ${whereClause(pl.where)}),
    page AS (SELECT h.* FROM hits h ORDER BY ${pageOrder} LIMIT ${p.add(s.limit)} OFFSET ${p.add(s.offset)})
    SELECT ${DRUG_COLUMNS}, (SELECT count(*) FROM hits) AS total
    FROM page h JOIN catalog.drugs d ON d.drug_id = h.drug_id
    ORDER BY ${pageOrder}`
  const { rows } = await db.query<DrugRow & { total: number }>(sql, p.values)
  const total = rows[0] ? Number(rows[0].total) : s.offset > 0 ? await countMatches(db, s) : 0
  return { results: rows.map(toDrug), total }
}

/** The number of matches alone (a page past the end has no row to carry the window count). */
async function countMatches(db: Sql, s: DrugSearch): Promise<number> {
  const p = new Params()
  const pl = plan(s, p)!
  const { rows } = await db.query<{ n: number }>(/* sql */ `${pl.cte} SELECT count(*)::int AS n FROM ${pl.from} ${whereClause(pl.where)}`, p.values)
  return rows[0]?.n ?? 0
}
