import type { Database, Sql } from '@apotheca/kernel'
import type { NameQuery } from '../domain/name-query.ts'

/** Collects positional parameters while SQL is assembled. */
export class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** SQL expressions over a row `t` of catalog.search_terms that match and rank it for a name query. */
export interface TermMatch {
  /** The term matches: every word present, or (three letters or more) word-similar. */
  where: string
  /** 0 exact name (product, generic, brand), 1 exact ingredient, 2 product or brand prefix, 3 generic prefix, 4 every word, 5 similar only. */
  tier: string
  /** Closeness of the product name. */
  nameSim: string
  /** Closeness of the other names and of the whole text (the next tie-break). */
  otherSim: string
}

/** The matching and ranking expressions of a name query; its values are added to p. */
export function termMatch(q: NameQuery, p: Params): TermMatch {
  const text = p.add(q.text)
  const prefix = p.add(q.prefix)
  const words = q.words.map((w) => `t.search_text ${w.op === 'like' ? 'LIKE' : '~'} ${p.add(w.pattern)}`).join(' AND ')
  const names = ['t.name', 't.generic', 't.brand']
  return {
    where: `(${words})${q.fuzzy ? ` OR ${text} <% t.search_text` : ''}`,
    tier: /* sql */ `CASE WHEN ${names.map((n) => `${n} = ${text}`).join(' OR ')} THEN 0
      WHEN ${text} = ANY(t.ingredients) THEN 1
      WHEN t.name LIKE ${prefix} OR t.brand LIKE ${prefix} THEN 2
      WHEN t.generic LIKE ${prefix} THEN 3
      WHEN ${words} THEN 4
      ELSE 5 END`,
    nameSim: `similarity(${text}, t.name)`,
    otherSim: `greatest(similarity(${text}, coalesce(t.generic, '')), similarity(${text}, coalesce(t.brand, '')), word_similarity(${text}, t.search_text))`,
  }
}

/**
 * Runs a name query with sequential scans priced out. The planner prices the word-similarity operator
 * (`<%`) like a cheap comparison, so for a broad word it scans all ~8,000 terms and runs it on each
 * (80 ms for `hydro` on PostgreSQL) instead of the trigram index (6 ms). SET LOCAL ends with the transaction.
 */
export async function withTrigramIndex<T>(db: Database, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off')
    return fn(tx)
  })
}
