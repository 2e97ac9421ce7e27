import type { FastifyInstance } from 'fastify'
import type { ServiceCaller, ServiceName } from '@apotheca/contracts'
import { currentTraceparent } from '../trace.ts'

/**
 * Calls another service over its HTTP API: by injection when it runs in this process (same code
 * path, no socket), else over the network at its configured URL. Internal token attached.
 */
export function createServiceCaller(opts: {
  local: ReadonlySet<ServiceName>
  app: () => FastifyInstance | undefined
  urls: Partial<Record<ServiceName, string>>
  token: () => Promise<string>
  timeoutMs?: number
}): ServiceCaller {
  return {
    async call(service, req) {
      const headers: Record<string, string> = req.anonymous ? {} : { authorization: `Bearer ${await opts.token()}` }
      if (req.body !== undefined) headers['content-type'] = 'application/json'
      const traceparent = currentTraceparent()
      if (traceparent) headers.traceparent = traceparent
      const payload = req.body === undefined ? undefined : JSON.stringify(req.body)
      const app = opts.app()
      if (opts.local.has(service) && app) {
        const r = await app.inject({ method: req.method, url: req.path, headers, ...(payload !== undefined ? { payload } : {}) })
        return { status: r.statusCode, json: r.body ? safeJson(r.body) : undefined }
      }
      const base = opts.urls[service]
      if (!base) throw new Error(`service ${service} is not in this process and APOTHECA_SERVICE_URLS names no address for it`)
      const r = await fetch(base + req.path, {
        method: req.method,
        headers,
        body: payload ?? null,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      })
      const text = await r.text()
      return { status: r.status, json: text ? safeJson(text) : undefined }
    },
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { raw: text.slice(0, 200) }
  }
}
