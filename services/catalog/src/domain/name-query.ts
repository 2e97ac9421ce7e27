/**
 * How a typed name becomes a search: ranked exact, then prefix (type-ahead), then every word
 * present, then trigram-similar (typos). Words under three letters match at a word start only, since
 * "am" occurs inside most names; fuzzy matching needs three letters to have trigrams to compare.
 */

/** One word of the query as a pattern over the search text: LIKE for substrings, a regex for word starts. */
export interface WordPattern {
  op: 'like' | 'regex'
  pattern: string
}

/** A normalised name query with the patterns the repository runs. */
export interface NameQuery {
  /** Lower case, single spaces. */
  text: string
  /** LIKE pattern for names that start with the text. */
  prefix: string
  words: WordPattern[]
  fuzzy: boolean
}

const MAX_WORDS = 8
const MIN_FUZZY = 3

/** Escapes LIKE wildcards (% _ \) so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Escapes regex metacharacters so user text matches literally in a PostgreSQL regex. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|-]/g, (c) => `\\${c}`)
}

/** Normalises q and derives its patterns; null when nothing searchable is left. */
export function nameQuery(q: string): NameQuery | null {
  const text = q.toLowerCase().replace(/\s+/g, ' ').trim()
  if (text === '') return null
  const words = [...new Set(text.split(' '))].slice(0, MAX_WORDS).map(wordPattern)
  return { text, prefix: `${escapeLike(text)}%`, words, fuzzy: text.length >= MIN_FUZZY }
}

function wordPattern(word: string): WordPattern {
  return word.length >= 3 ? { op: 'like', pattern: `%${escapeLike(word)}%` } : { op: 'regex', pattern: `\\m${escapeRegex(word)}` }
}
