/** An RFC 9457 problem: thrown by application code, answered as application/problem+json. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    /** Stable slug; the document's `type` is PROBLEM_BASE + slug. */
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(title)
  }

  toJSON(instance?: string) {
    // Extensions first: a member of the problem itself (its status above all) is never overwritten by one.
    return {
      ...this.extra,
      type: PROBLEM_BASE + this.slug,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
    }
  }
}

export const PROBLEM_BASE = 'https://apotheca.dev/problems/'

export const notFound = (what: string) => new Problem(404, 'not-found', `${what} not found`)
export const conflict = (slug: string, title: string, detail?: string, extra?: Record<string, unknown>) =>
  new Problem(409, slug, title, detail, extra)
export const badRequest = (title: string, errors?: Array<{ field: string; message: string }>) =>
  new Problem(400, 'validation', title, errors?.map((e) => `${e.field}: ${e.message}`).join('; '), errors ? { errors } : {})
export const forbidden = (title = 'Forbidden') => new Problem(403, 'forbidden', title)
export const unauthorized = (title = 'Authentication required') => new Problem(401, 'unauthorized', title)
