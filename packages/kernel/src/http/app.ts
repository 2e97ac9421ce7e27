import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import FindMyWay from 'find-my-way'
import { z } from 'zod'
import type { Logger } from '../logger.ts'
import type { Principal, WebhookSender } from '../auth/principal.ts'
import type { TokenVerifier } from '../auth/tokens.ts'
import { checkSignature, signatureIdentity } from './webhook-signature.ts'
import { Problem, PROBLEM_BASE, badRequest, forbidden, unauthorized } from './problem.ts'
import { route, type RouteDef } from './route.ts'
import { openApiDocument } from './openapi.ts'
import { responseChecker } from './response-check.ts'
import { childTraceparent, withTrace } from '../trace.ts'

export const BODY_LIMIT = 1024 * 1024
/** Binary content types the API takes as raw bodies (a route opts in with rawContentTypes; its handler gets a Buffer). */
export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png']

export interface HttpOptions {
  log: Logger
  routes: RouteDef[]
  verifyToken: TokenVerifier
  verifyInternal: TokenVerifier
  webhookSecrets: Record<WebhookSender, string>
  health: () => Promise<{ ok: boolean; checks: Record<string, boolean> }>
  /** Records a webhook signature (its timestamp and MAC bytes, however written) as seen; false when it was seen before (a replay). */
  firstSighting: (service: string, signature: string) => Promise<boolean>
  /** Checks every answer against the route's contract and turns a breach into a 500 (tests, development). */
  checkResponses?: boolean
  /** Extra raw content types to accept as text, beyond JSON (XML, FHIR). */
  bodyLimit?: number
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string
  }
}

/** Builds the HTTP server of one process: the routes of its services, /health and /openapi.json. */
export async function buildHttpApp(opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.log as unknown as FastifyBaseLogger,
    bodyLimit: opts.bodyLimit ?? BODY_LIMIT,
    return503OnClosing: true,
  }) as unknown as FastifyInstance
  // Validation happens in our wrapper with zod (below), so one schema gives the 400s, the types and the docs.
  app.setValidatorCompiler(() => (data) => ({ value: data }))

  const jsonParser = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser(['application/json'])
  app.addContentTypeParser(
    ['application/json', 'application/fhir+json', 'application/merge-patch+json'],
    { parseAs: 'string' },
    (req, body, done) => {
      req.rawBody = body as string
      if ((body as string).trim() === '') return done(null, undefined)
      void jsonParser(req, body as string, (err, value) => {
        if (err) return done(new Problem(400, 'malformed-json', 'The body is not valid JSON', err.message), undefined)
        done(null, value)
      })
    },
  )
  app.addContentTypeParser(['application/xml', 'text/xml', 'text/plain'], { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = body as string
    done(null, body)
  })
  // Files (a patient's scan of a prescription) reach only routes that list their type in rawContentTypes, as a Buffer.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  app.setErrorHandler((err, req, reply) => {
    const p = toProblem(err)
    if (p.status >= 500)
      req.log.error({ err: { name: (err as Error).name, message: (err as Error).message, stack: (err as Error).stack } }, 'request failed')
    void reply
      .status(p.status)
      .type('application/problem+json')
      .send(p.toJSON(req.url.split('?')[0]))
  })
  const routes = [...platformRoutes(opts, () => doc), ...opts.routes]
  // /internal routes are in the document (the gateway and the generated client leave them out).
  const doc = openApiDocument(routes, { includeInternal: true })
  answerWrongMethods(app, routes)
  for (const def of routes) registerRoute(app, def, opts)
  await app.ready()
  return app
}

function registerRoute(app: FastifyInstance, def: RouteDef, opts: HttpOptions) {
  const check = opts.checkResponses ? responseChecker(def) : undefined
  app.route({
    method: def.method,
    url: def.url,
    ...(check
      ? {
          onSend: async (req, reply, payload) => {
            // A 405 is the kernel's answer for a path another route owns (below), not this route's.
            if (reply.statusCode === 405) return payload
            const why = check(reply.statusCode, reply.getHeader('content-type'), payload)
            if (!why) return payload
            req.log.error({ contract: why }, 'answer breaks the route contract')
            void reply.status(500).type('application/problem+json')
            return JSON.stringify(new Problem(500, 'response-contract', 'The answer breaks its contract', why).toJSON())
          },
        }
      : {}),
    handler: async (req, reply) => {
      const principal = await authenticate(req, def, opts)
      const contentType = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase()
      const raw = def.rawContentTypes?.includes(contentType)
      // What the route reads: its path, its declared query, its body (files are bytes, not text).
      refuseNul({
        params: req.params,
        ...(def.schema?.querystring ? { query: req.query } : {}),
        ...(Buffer.isBuffer(req.body) || (!def.schema?.body && !raw) ? {} : { body: req.body }),
      })
      if (def.schema?.headers) parse(def.schema.headers, req.headers, 'headers')
      const body = raw ? req.body : parse(def.schema?.body, req.body ?? (def.schema?.body ? undefined : {}), 'body')
      const traceparent = childTraceparent(req.headers.traceparent as string | undefined)
      void reply.header('traceparent', traceparent)
      const result = await withTrace(traceparent, () =>
        def.handler(
          {
            body,
            params: parse(def.schema?.params, req.params, 'params'),
            query: parse(def.schema?.querystring, req.query, 'query'),
            principal,
            headers: req.headers,
            rawBody: req.rawBody,
            contentType,
            requestId: req.id,
          },
          reply,
        ),
      )
      if (!reply.sent) return reply.send(result)
      return reply
    },
  })
}

/** PostgreSQL cannot store NUL in text, and no pharmacy text needs it: refused in every string the request carries. */
function refuseNul(value: unknown, path: string[] = []): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      throw badRequest('Text may not contain NUL characters', [{ field: path.join('.'), message: 'contains a NUL character' }])
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseNul(v, [...path, String(i)]))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) refuseNul(v, [...path, k])
}

/** /health, /health/live and /openapi.json: routes like any other, so they are in the contract too. */
function platformRoutes(opts: HttpOptions, doc: () => unknown): RouteDef[] {
  const status = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.boolean()) })
  return [
    route({
      method: 'GET',
      url: '/health',
      summary: 'Database and event bus reachable',
      operationId: 'getHealth',
      auth: { public: true, why: 'readiness probes carry no token' },
      responses: { 200: status, 503: status },
      handler: async (_req, reply) => {
        const h = await opts.health().catch(() => ({ ok: false, checks: {} }))
        return reply.status(h.ok ? 200 : 503).send({ status: h.ok ? 'ok' : 'unavailable', checks: h.checks })
      },
    }),
    // Liveness: the process answers. Asks nothing else, so a database or broker outage makes a pod
    // unready (GET /health) without restarting it; also the bare route benchmarks compare against.
    route({
      method: 'GET',
      url: '/health/live',
      summary: 'The process is up (asks no dependency)',
      operationId: 'getHealthLive',
      auth: { public: true, why: 'liveness probes carry no token' },
      responses: { 200: z.object({ status: z.literal('ok') }) },
      handler: async () => ({ status: 'ok' }),
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      summary: 'This document',
      operationId: 'getOpenApi',
      auth: { public: true, why: 'the contract is public' },
      responses: { 200: z.record(z.string(), z.unknown()) },
      handler: async () => doc(),
    }),
  ]
}

/** An unknown path is a 404; a known path asked with a method it does not serve is a 405 with `Allow`. */
function answerWrongMethods(app: FastifyInstance, routes: RouteDef[]) {
  const known = FindMyWay<FindMyWay.HTTPVersion.V1>()
  for (const r of routes) known.on(r.method, r.url, () => {}, { url: r.url })
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
  const params = (url: string) => url.split('/').filter((s) => s.startsWith(':')).length
  const answer = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!
    // The resource is the most specific route the path matches (`/patients/register` before `/patients/:id`);
    // Allow names the methods of that route, as the document lists them.
    const matches = methods.flatMap((m) => {
      const found = known.find(m, path)
      return found ? [{ method: m, url: (found.store as { url: string }).url }] : []
    })
    const resource = matches.map((x) => x.url).sort((a, b) => params(a) - params(b))[0]
    const allow = matches.filter((x) => x.url === resource).map((x) => x.method)
    const problem =
      allow.length > 0
        ? new Problem(405, 'method-not-allowed', 'Method not allowed', `${path} answers ${allow.join(', ')}`)
        : new Problem(404, 'not-found', 'No such route', `${req.method} ${path}`)
    if (allow.length > 0) void reply.header('allow', allow.join(', '))
    return reply.status(problem.status).type('application/problem+json').send(problem.toJSON())
  }
  // Answered before any body is read, whatever the method (QUERY, TRACE…) would otherwise ask of it.
  // A parametric route does not answer for a path a more specific route serves with other methods:
  // GET /prescriptions/submit is a 405 (POST only), not GET /prescriptions/:prescriptionId with id "submit".
  app.addHook('onRequest', async (req, reply) => {
    if (req.is404) return answer(req, reply)
    const own = req.routeOptions.url
    if (!own?.includes(':')) return
    const path = req.url.split('?')[0]!
    const shadowing = methods.some((m) => {
      const found = known.find(m, path)
      return found && params((found.store as { url: string }).url) < params(own)
    })
    if (shadowing) return answer(req, reply)
  })
  app.setNotFoundHandler(answer)
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string) {
  if (!schema) return value
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const errors = r.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join('.'), message: i.message }))
  throw badRequest(`Invalid ${where === 'query' ? 'query string' : where}`, errors)
}

async function authenticate(req: FastifyRequest, def: RouteDef, opts: HttpOptions): Promise<Principal | null> {
  const a = def.auth
  const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
  const signature = req.headers['apotheca-signature'] as string | undefined
  const signedBy = 'signed' in a ? a.signed : 'orSigned' in a && signature ? a.orSigned : undefined
  if (signedBy) {
    const why = checkSignature(opts.webhookSecrets[signedBy], req.rawBody ?? '', signature)
    if (why) throw new Problem(401, 'invalid-signature', 'Webhook signature refused', why)
    if (!(await opts.firstSighting(def.service ?? 'kernel', signatureIdentity(signature!)))) {
      throw new Problem(409, 'webhook-replayed', 'This signed call was already received', 'sign each delivery anew')
    }
    return null
  }
  if ('public' in a) return bearer ? opts.verifyToken(bearer).catch(() => null) : null
  if (!bearer) throw unauthorized()
  if ('internal' in a)
    return opts.verifyInternal(bearer).catch(() => {
      throw unauthorized('Invalid service token')
    })
  if (!('roles' in a)) throw unauthorized()
  // A valid token without a role of ours is a 403 (known caller, no permission); anything else a 401.
  const principal = await opts.verifyToken(bearer).catch((e) => {
    throw e instanceof Problem && e.status === 403 ? e : unauthorized('Invalid or expired token')
  })
  if (principal.role === 'service' || !a.roles.includes(principal.role))
    throw forbidden(`This action is not available to the ${principal.role} role`)
  if (a.mfa && !principal.amr.includes('otp'))
    throw new Problem(403, 'mfa-required', 'This action needs a second factor', 'sign in again with your authenticator code')
  return principal
}

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err
  const e = err as { statusCode?: number; code?: string; message?: string }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new Problem(413, 'body-too-large', 'The body is too large', `at most ${BODY_LIMIT} bytes`)
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new Problem(415, 'unsupported-media-type', 'Unsupported content type', 'send application/json')
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new Problem(400, 'malformed-json', 'The body is not valid JSON')
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new Problem(e.statusCode, 'bad-request', e.message ?? 'Bad request')
  return new Problem(500, 'internal', 'Internal error', 'the error was logged; this is a bug')
}

export { PROBLEM_BASE }
