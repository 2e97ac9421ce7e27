import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import FindMyWay from 'find-my-way'
import { API_VERSION, type Config, type Logger } from '@apotheca/kernel'

/** The parts of an upstream's OpenAPI document the gateway merges. */
interface OpenApiDoc {
  openapi: string
  info: { title: string; version: string; description?: string }
  paths: Record<string, Record<string, unknown>>
  components: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length'])
const MAX_BODY = 1024 * 1024

/**
 * The thin gateway (the role an ingress plays in Kubernetes): one base URL for clients, routing
 * each request by method and path to the process that serves it. The route table is read from the
 * upstreams' own /openapi.json, so it is never written twice; /internal/* is never exposed.
 */
export async function startGateway({ config, log }: { config: Config; log: Logger }) {
  const upstreams = [...new Set(Object.values(config.APOTHECA_SERVICE_URLS ?? {}))]
  if (upstreams.length === 0)
    throw new Error('Invalid configuration:\n  APOTHECA_SERVICE_URLS: the gateway needs service=http://host:port pairs')
  let router = FindMyWay<FindMyWay.HTTPVersion.V1>()
  let openapi: OpenApiDoc = { openapi: '3.1.0', info: { title: 'Apotheca API', version: API_VERSION }, paths: {}, components: {} }

  const load = async () => {
    const next = FindMyWay<FindMyWay.HTTPVersion.V1>()
    const merged: OpenApiDoc = {
      openapi: '3.1.0',
      info: { title: 'Apotheca API (gateway)', version: API_VERSION },
      paths: {},
      components: { schemas: {}, securitySchemes: {} },
    }
    for (const base of upstreams) {
      const doc = (await (await fetch(`${base}/openapi.json`, { signal: AbortSignal.timeout(5000) })).json()) as OpenApiDoc
      merged.info.description ??= doc.info.description
      // Every upstream names the same shared parts (security schemes, hoisted schemas) the same way.
      merged.components.schemas = { ...merged.components.schemas, ...doc.components.schemas }
      merged.components.securitySchemes = { ...merged.components.securitySchemes, ...doc.components.securitySchemes }
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (path.startsWith('/internal/')) continue
        merged.paths[path] = { ...merged.paths[path], ...ops }
        const pattern = path.replace(/\{([^}]+)\}/g, ':$1')
        for (const method of Object.keys(ops)) {
          const m = method.toUpperCase() as FindMyWay.HTTPMethod
          if (!next.hasRoute(m, pattern)) next.on(m, pattern, () => {}, { base })
        }
      }
    }
    router = next
    openapi = merged
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await load()
      break
    } catch (err) {
      if (attempt >= 60) throw err
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
  // Upstreams may come and go (rolling deploys): refresh the table now and then.
  const refresh = setInterval(
    () => load().catch((err) => log.warn({ err: (err as Error).message }, 'gateway route refresh failed')),
    30_000,
  )
  refresh.unref()

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log.error({ err: (err as Error).message }, 'gateway failed to proxy')
      if (!res.headersSent) problem(res, 502, 'bad-gateway', 'The service behind the gateway did not answer')
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0]!
    if (path === '/openapi.json') return json(res, 200, openapi)
    if (path === '/health/live') return json(res, 200, { status: 'ok' })
    if (path === '/health') {
      const checks = await Promise.all(
        upstreams.map((u) =>
          fetch(`${u}/health`, { signal: AbortSignal.timeout(3000) }).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      )
      return json(res, checks.every(Boolean) ? 200 : 503, {
        status: checks.every(Boolean) ? 'ok' : 'unavailable',
        checks: Object.fromEntries(upstreams.map((u, i) => [u, checks[i]])),
      })
    }
    const found = path.startsWith('/internal/') ? null : router.find(req.method as FindMyWay.HTTPMethod, path)
    if (!found) {
      // A known path asked with another method: 405 naming the methods it serves, as the services answer.
      const allow = path.startsWith('/internal/')
        ? []
        : (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => router.find(m, path))
      if (allow.length) res.setHeader('allow', allow.join(', '))
      return allow.length ? problem(res, 405, 'method-not-allowed', 'Method not allowed') : problem(res, 404, 'not-found', 'No such route')
    }
    const body = await readBody(req)
    if (body === null) return problem(res, 413, 'body-too-large', 'The body is too large')
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? ''
    const upstream = await fetch((found.store as { base: string }).base + req.url, {
      method: req.method!,
      headers,
      body: body.length && req.method !== 'GET' && req.method !== 'HEAD' ? new Uint8Array(body) : null,
      signal: AbortSignal.timeout(30_000),
    })
    const out: Record<string, string> = {}
    upstream.headers.forEach((v, k) => {
      if (!HOP_BY_HOP.has(k) && k !== 'content-encoding') out[k] = v
    })
    res.writeHead(upstream.status, out)
    res.end(Buffer.from(await upstream.arrayBuffer()))
  }

  return {
    app: {
      listen: ({ port, host }: { port: number; host: string }) =>
        new Promise<string>((resolve) =>
          server.listen(port, host, () => {
            const a = server.address()
            resolve(typeof a === 'object' && a ? `http://${host === '0.0.0.0' ? 'localhost' : host}:${a.port}` : String(a))
          }),
        ),
    },
    close: async () => {
      clearInterval(refresh)
      await new Promise((r) => server.close(r))
    },
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        resolve(null)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function problem(res: ServerResponse, status: number, slug: string, title: string) {
  res
    .writeHead(status, { 'content-type': 'application/problem+json' })
    .end(JSON.stringify({ type: `https://apotheca.dev/problems/${slug}`, title, status }))
}
