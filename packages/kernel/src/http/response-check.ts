import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { RouteDef } from './route.ts'
import { problemsOf, successesOf } from './openapi.ts'
import { PROBLEM_BASE } from './problem.ts'

const mediaType = (header: unknown) =>
  String(header ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase()

/**
 * Checks each answer of a route against what its OpenAPI entry promises (status, content type,
 * body schema, problem type), with the same JSON Schema semantics a client or a fuzzer applies.
 * On in tests, so every test that calls a route also proves its contract. Returns why an answer
 * breaks the contract, or null.
 */
export function responseChecker(def: RouteDef): (status: number, contentType: unknown, payload: unknown) => string | null {
  if (!def.responses) return () => null
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
  addFormats.default(ajv)
  const defs: Record<string, Record<string, unknown>> = {}
  const successes = new Map(
    successesOf(def, defs).map((s) => [s.status, new Map(s.contents.map((c) => [c.contentType, compile(c.schema)]))]),
  )
  function compile(schema: Record<string, unknown>): ValidateFunction {
    return ajv.compile({ ...schema, $defs: defs })
  }
  const problems = problemsOf(def)
  const where = `${def.method} ${def.url}`
  return (status, contentType, payload) => {
    if (status >= 500) return null
    const type = mediaType(contentType)
    const text = payload === undefined || payload === null ? '' : Buffer.isBuffer(payload) ? null : String(payload)
    if (status >= 400) {
      const slugs = problems.get(status)
      if (!slugs) return `${where} answered ${status}, which its contract does not declare`
      if (type !== 'application/problem+json') return `${where} answered ${status} as ${type}, not a problem document`
      const problem = JSON.parse(text ?? '{}') as { type?: unknown; status?: unknown }
      const slug = String(problem.type ?? '').replace(PROBLEM_BASE, '')
      if (!slugs.has(slug)) return `${where} answered ${status} ${slug}, which its contract does not declare (${[...slugs].join(', ')})`
      if (problem.status !== status) return `${where} answered ${status} with a problem whose status is ${JSON.stringify(problem.status)}`
      return null
    }
    const s = successes.get(status)
    if (!s) return `${where} answered ${status}, which its contract does not declare`
    if (s.size === 0) return text ? `${where} answered ${status} with a body its contract says it has not` : null
    const validate = s.get(type)
    if (!validate) return `${where} answered ${status} as ${type}, its contract says ${[...s.keys()].join(' or ')}`
    // Only JSON documents are checked here (not NDJSON streams, PDFs or images).
    if (text === null || !(type === 'application/json' || type.endsWith('+json'))) return null
    const body: unknown = JSON.parse(text)
    if (validate(body)) return null
    const e = validate.errors?.[0]
    return `${where} answered ${status} with a body that breaks its schema: ${e?.instancePath || '(root)'} ${e?.message ?? ''}`
  }
}
