import type { FastifyReply } from 'fastify'
import type { IncomingHttpHeaders } from 'node:http'
import type { z } from 'zod'
import type { Access, Principal } from '../auth/principal.ts'

type Schema = z.ZodType

/** What a handler gets: validated input and the caller. */
export interface RouteRequest<B = unknown, P = unknown, Q = unknown> {
  body: B
  params: P
  query: Q
  principal: Principal | null
  headers: IncomingHttpHeaders
  /** The body as received, for signature checks and non-JSON content (XML). */
  rawBody: string | undefined
  contentType: string
  requestId: string
}

/** One HTTP route of a service: its schema is the validation, the types and the OpenAPI entry. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  url: string
  summary: string
  auth: Access
  schema?: { body?: Schema; params?: Schema; querystring?: Schema }
  /**
   * Content types besides application/json whose raw text the handler parses itself (XML, FHIR);
   * the body schema then applies to application/json only.
   */
  rawContentTypes?: string[]
  handler(req: RouteRequest<any, any, any>, reply: FastifyReply): Promise<unknown>
  /** The service that serves it (set by the runtime). */
  service?: string
}

/** Declares a route with types inferred from its zod schemas. */
export function route<
  B extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
>(def: {
  method: RouteDef['method']
  url: string
  summary: string
  auth: Access
  schema?: { body?: B; params?: P; querystring?: Q }
  rawContentTypes?: string[]
  handler(
    req: RouteRequest<
      B extends Schema ? z.infer<B> : unknown,
      P extends Schema ? z.infer<P> : unknown,
      Q extends Schema ? z.infer<Q> : unknown
    >,
    reply: FastifyReply,
  ): Promise<unknown>
}): RouteDef {
  return def as RouteDef
}
