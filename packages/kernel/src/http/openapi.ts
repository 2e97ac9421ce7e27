import { z } from 'zod'
import type { RouteDef, ResponseSpec } from './route.ts'
import { PROBLEM_BASE } from './problem.ts'

type Json = Record<string, unknown>

/** The document's own version: the API's, not the package's. */
export const API_VERSION = '0.2.0'

/** Strings may not hold NUL (PostgreSQL refuses it): the kernel refuses it everywhere, and says so in every string schema. */
export const NO_NUL_PATTERN = '^[^\\x00]*$'

const PROBLEM_CONTENT = 'application/problem+json'

/** A zod schema as a JSON Schema (2020-12, what OpenAPI 3.1 uses), its named parts hoisted into `defs`. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output', defs: Record<string, Json> = {}): Json {
  const { $schema: _, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (!node || typeof node !== 'object') return node
    const out: Json = {}
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : rewrite(v)
    }
    return out
  }
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) defs[name] = rewrite(def) as Json
  return rewrite(rest) as Json
}

/** Adds the no-NUL rule to every free-text string of a request schema. */
function refuseNul(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(refuseNul)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node)) out[k] = refuseNul(v)
  if (out.type === 'string' && !('pattern' in out) && !('format' in out) && !('enum' in out) && !('const' in out))
    out.pattern = NO_NUL_PATTERN
  return out
}

/** Fastify's `/drugs/:id` as OpenAPI's `/drugs/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

export function operationIdOf(def: Pick<RouteDef, 'method' | 'url' | 'operationId'>): string {
  if (def.operationId) return def.operationId
  const words = def.url
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith(':') ? `by-${s.slice(1)}` : s))
    .flatMap((s) => s.split(/[-_.]/))
  return [def.method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('')
}

/** Every problem a route may answer, by status: the handler's own and those the kernel adds. */
export function problemsOf(def: RouteDef): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>()
  const add = (status: number, ...slugs: string[]) => {
    const set = out.get(status) ?? new Set<string>()
    for (const s of slugs) set.add(s)
    out.set(status, set)
  }
  const a = def.auth
  const takesBody = def.method !== 'GET' && def.method !== 'DELETE'
  if (def.url.includes(':') || def.schema?.querystring || def.schema?.headers || def.schema?.body || def.rawContentTypes)
    add(400, 'validation')
  if (takesBody) {
    add(400, 'validation', 'malformed-json')
    add(413, 'body-too-large')
    add(415, 'unsupported-media-type')
  }
  if ('roles' in a || 'internal' in a) add(401, 'unauthorized')
  // no-role: a valid token of an outside provider that maps to none of our roles (auth/oidc.ts).
  if ('roles' in a) add(403, 'forbidden', 'no-role')
  if ('roles' in a && a.mfa) add(403, 'mfa-required')
  const signed = 'signed' in a || 'orSigned' in a
  if (signed) {
    add(401, 'invalid-signature')
    add(409, 'webhook-replayed')
  }
  for (const [status, slugs] of Object.entries(def.problems ?? {})) add(Number(status), ...(slugs ?? []))
  return out
}

function problemSchema(status: number, slugs: Set<string>): Json {
  return {
    type: 'object',
    description: 'An RFC 9457 problem document',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', enum: [...slugs].sort().map((s) => PROBLEM_BASE + s) },
      title: { type: 'string' },
      status: { type: 'integer', const: status },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  }
}

function longForm(spec: ResponseSpec): Exclude<ResponseSpec, z.ZodType | null> {
  if (spec === null) return { schema: null }
  return spec instanceof z.ZodType ? { schema: spec } : spec
}

/** The success answers of a route: per status, each content type with its JSON schema (undefined: no body). */
export function successesOf(def: RouteDef, defs: Record<string, Json> = {}) {
  return Object.entries(def.responses ?? {}).map(([status, spec]) => {
    const l = longForm(spec)
    const typed: Array<[string, z.ZodType | null | undefined]> = l.content
      ? Object.entries(l.content)
      : [[l.contentType ?? 'application/json', l.schema]]
    const contents = typed
      .filter(([, schema]) => schema !== null)
      .map(([contentType, schema]) => ({ contentType, schema: schema ? toJsonSchema(schema, 'output', defs) : {} }))
    return { status: Number(status), spec: l, contents }
  })
}

function parametersOf(def: RouteDef, defs: Record<string, Json>): Json[] {
  const out: Json[] = []
  const from = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
    if (!schema) return
    // Headers cannot carry NUL at all (the HTTP parser refuses it), so only path and query say so.
    const js = (where === 'header' ? toJsonSchema(schema, 'input', defs) : refuseNul(toJsonSchema(schema, 'input', defs))) as Json
    const props = (js.properties ?? {}) as Record<string, Json>
    const required = new Set((js.required as string[] | undefined) ?? [])
    for (const [name, s] of Object.entries(props)) {
      const { description, examples, ...rest } = s
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: rest,
        ...(description ? { description } : {}),
        ...(Array.isArray(examples) && examples.length ? { example: examples[0] } : {}),
      })
    }
  }
  from(def.schema?.params, 'path')
  from(def.schema?.querystring, 'query')
  from(def.schema?.headers, 'header')
  // A path parameter the schema leaves out is still a parameter.
  for (const m of def.url.matchAll(/:([A-Za-z0-9_]+)/g))
    if (!out.some((p) => p.in === 'path' && p.name === m[1]))
      out.push({ name: m[1], in: 'path', required: true, schema: { type: 'string', pattern: NO_NUL_PATTERN } })
  return out
}

function securityOf(def: RouteDef): Json[] | undefined {
  const a = def.auth
  if ('roles' in a) return 'orSigned' in a ? [{ bearer: [] }, { signature: [] }] : [{ bearer: [] }]
  if ('signed' in a) return [{ signature: [] }]
  if ('internal' in a) return [{ bearer: [] }]
  return [{}, { bearer: [] }]
}

function operationOf(def: RouteDef, defs: Record<string, Json>): Json {
  const responses: Json = {}
  for (const s of successesOf(def, defs)) {
    responses[String(s.status)] = {
      description: s.spec.description ?? (s.contents.length ? 'Success' : 'No content'),
      ...(s.contents.length ? { content: Object.fromEntries(s.contents.map((c) => [c.contentType, { schema: c.schema }])) } : {}),
      ...(s.spec.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(s.spec.headers).map(([name, h]) => [
                name,
                { description: h.description, required: h.required ?? false, schema: h.schema ?? { type: 'string' } },
              ]),
            ),
          }
        : {}),
      ...(s.spec.links ? { links: s.spec.links } : {}),
    }
  }
  for (const [status, slugs] of [...problemsOf(def)].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: [...slugs].join(', '),
      content: { [PROBLEM_CONTENT]: { schema: problemSchema(status, slugs) } },
    }
  }
  const bodyTypes: Json = {}
  if (def.schema?.body) bodyTypes['application/json'] = { schema: refuseNul(toJsonSchema(def.schema.body, 'input', defs)) }
  for (const t of def.rawContentTypes ?? [])
    bodyTypes[t] = {
      schema: t.endsWith('json')
        ? {}
        : t.startsWith('text/') || t.endsWith('xml')
          ? { type: 'string' }
          : { type: 'string', format: 'binary' },
    }
  const a = def.auth
  return {
    operationId: operationIdOf(def),
    summary: def.summary,
    ...(def.description ? { description: def.description } : {}),
    tags: [def.service ?? def.url.split('/')[1] ?? 'api'],
    ...(parametersOf(def, defs).length ? { parameters: parametersOf(def, defs) } : {}),
    ...(Object.keys(bodyTypes).length ? { requestBody: { required: bodyRequired(def), content: bodyTypes } } : {}),
    responses,
    security: securityOf(def),
    'x-access': a,
  }
}

/**
 * Whether a call must send a body: a schema that takes no body (a default) makes it optional; a route
 * with several content types needs one whichever it sends (no body is read as JSON, and refused).
 */
function bodyRequired(def: RouteDef): boolean {
  return def.schema?.body ? !def.schema.body.safeParse(undefined).success : !!def.rawContentTypes?.length
}

/** The OpenAPI 3.1 document of these routes, built from their schemas alone. */
export function openApiDocument(routes: RouteDef[], opts: { title?: string; includeInternal?: boolean } = {}): Json {
  const defs: Record<string, Json> = {}
  const paths: Record<string, Json> = {}
  for (const def of routes) {
    if (!opts.includeInternal && def.url.startsWith('/internal/')) continue
    const path = openApiPath(def.url)
    paths[path] = { ...paths[path], [def.method.toLowerCase()]: operationOf(def, defs) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: opts.title ?? 'Apotheca API',
      version: API_VERSION,
      description:
        'Online pharmacy platform. Errors are RFC 9457 problem documents whose `type` is one of the stable URIs listed per answer. ' +
        'Text may not contain NUL characters.',
    },
    paths,
    components: {
      schemas: defs,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        signature: {
          type: 'apiKey',
          in: 'header',
          name: 'Apotheca-Signature',
          description: '`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`',
        },
      },
    },
  }
}
