import type { Database } from '@apotheca/kernel'

interface NamedQueries {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>
}

/**
 * Runs a statement of the hot path as a named prepared statement on PostgreSQL: each pooled
 * connection parses and plans it once instead of on every call. PGlite has one connection and no
 * pool, so it simply runs the text.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  db: Database,
  name: string,
  text: string,
  params: unknown[],
): Promise<{ rows: T[]; rowCount: number }> {
  if (db.kind !== 'postgres') return db.query<T>(text, params)
  const r = await (db.raw() as unknown as NamedQueries).query({ name, text, values: params })
  return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 }
}
