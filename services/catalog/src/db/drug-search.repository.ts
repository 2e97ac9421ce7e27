import type { Database, Sql } from '@apotheca/kernel'
import type { CatalogDrug, DrugSearch } from '../domain/drug.ts'
import { ingredientKeys } from '../domain/ingredient.ts'
import { nameQuery, type NameQuery } from '../domain/name-query.ts'
import { DRUG_COLUMNS, toDrug, type DrugRow } from './drug.repository.ts'
import { Params, termMatch, withTrigramIndex } from './term-match.ts'
import { searchByTerms } from './term-search.repository.ts'

/** A page of search results and how many drugs matched in all. */
export interface SearchPage {
  results: CatalogDrug[]
  total: number
}

interface Plan {
  cte: string
  from: string
  where: string[]
  /** Sort keys, most significant first; a key ending in ' DESC' sorts descending. */
  order: string[]
}

/**
 * The name part with drug filters. Matching and ranking run on catalog.search_terms (the ~8,000 distinct
 * search texts, trigram index), so the costly similarity functions run once per text, not once per
 * package; the drugs carrying the matched texts are joined after, one index probe per text (sequential
 * scans are priced out: term-match.ts), and filtered. term-match.ts has the tiers.
 */
function namePlan(q: NameQuery, p: Params): Plan {
  const m = termMatch(q, p)
  return {
    cte: /* sql */ `WITH m AS MATERIALIZED (
      SELECT t.search_text, ${m.tier} AS tier, ${m.nameSim} AS name_sim, ${m.otherSim} AS other_sim
      FROM catalog.search_terms t
      WHERE ${m.where})`,
    from: 'm JOIN catalog.drugs d ON d.search_text = m.search_text',
    where: [],
    order: ['m.tier', 'm.name_sim DESC', 'm.other_sim DESC', 'd.name', 'd.ndc_code'],
  }
}

function filters(s: DrugSearch, p: Params): string[] {
  const where: string[] = []
  if (s.ndc) where.push(`d.${s.ndc.kind === 'package' ? 'ndc_code' : 'product_code'} = ANY(${p.add(s.ndc.codes)}::text[])`)
  if (s.rxcui) where.push(`d.rxcui = ${p.add(s.rxcui)}`)
  if (s.ingredient) where.push(`d.ingredients && ${p.add(ingredientKeys(s.ingredient))}::text[]`)
  if (s.rx_only !== undefined) where.push(`d.rx_only = ${p.add(s.rx_only)}`)
  if (s.dosage_form) where.push(`lower(d.dosage_form) = lower(${p.add(s.dosage_form)})`)
  if (s.route) where.push(`lower(d.route) = lower(${p.add(s.route)})`)
  if (s.dea_schedule) where.push(`d.dea_schedule = ${p.add(s.dea_schedule)}`)
  return where
}

/**
 * The products of one RxNorm concept in the order a pharmacy picks one to dispense for a generic order:
 * priced from NADAC (a real acquisition cost, so a product actually on the market) first, then the
 * cheapest, then by NDC so the choice is deterministic.
 */
const DISPENSING_ORDER = ["(d.price_source <> 'nadac')", 'd.price_minor', 'd.ndc_code']

function plan(s: DrugSearch, p: Params): Plan | null {
  const base: Plan = { cte: '', from: 'catalog.drugs d', where: [], order: s.rxcui ? DISPENSING_ORDER : ['d.name', 'd.ndc_code'] }
  if (s.q !== undefined) {
    const q = nameQuery(s.q)
    if (!q) return null
    Object.assign(base, namePlan(q, p))
  }
  base.where.push(...filters(s, p))
  return base
}

const whereClause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '')

/** True when the search is a name and nothing else (no code, no filter): the term-level path answers it. */
const nameOnly = (s: DrugSearch) =>
  [s.ndc, s.ingredient, s.rxcui, s.rx_only, s.dosage_form, s.route, s.dea_schedule].every((v) => v === undefined)

/** Searches the catalog by name, NDC, ingredient and/or RxNorm concept with filters; ranked for names, else by name. */
export async function searchDrugs(db: Database, s: DrugSearch): Promise<SearchPage> {
  if (s.q === undefined) return searchDrugRows(db, s)
  const q = nameQuery(s.q)
  if (!q) return { results: [], total: 0 }
  return withTrigramIndex(db, (tx) => (nameOnly(s) ? searchByTerms(tx, q, s) : searchDrugRows(tx, s)))
}

/**
 * The drug-level search: matches (and name ranks) joined to drugs, filtered, ranked and counted on narrow
 * rows. Exported as the reference the term-level path is tested against.
 */
export async function searchDrugRows(db: Sql, s: DrugSearch): Promise<SearchPage> {
  const p = new Params()
  const pl = plan(s, p)
  if (!pl) return { results: [], total: 0 }
  // Rank and count on narrow rows (id and sort keys), then read the page's full rows: sorting and
  // counting thousands of wide rows (arrays, descriptions) was most of a broad query's time.
  const desc = (k: string) => k.endsWith(' DESC')
  const sortKeys = pl.order.map((k, i) => `${desc(k) ? k.slice(0, -5) : k} AS k${i}`).join(', ')
  const pageOrder = pl.order.map((k, i) => `h.k${i}${desc(k) ? ' DESC' : ''}`).join(', ')
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
  const { rows } = await db.query<{ n: number }>(
    /* sql */ `${pl.cte} SELECT count(*)::int AS n FROM ${pl.from} ${whereClause(pl.where)}`,
    p.values,
  )
  return rows[0]?.n ?? 0
}
