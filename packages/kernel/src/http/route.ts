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

/**
 * One success answer: the zod schema of its JSON body (as it is on the wire: dates as strings),
 * `null` for no body, or the long form for another content type, response headers or links.
 */
export type ResponseSpec =
  | Schema
  | null
  | {
      schema?: Schema | null
      /** Default application/json. */
      contentType?: string
      /** Instead of schema and contentType: one body schema per content type the route negotiates (JSON or FHIR). */
      content?: Record<string, Schema | null>
      description?: string
      /** Response headers, by name: a JSON schema and whether it is always sent. */
      headers?: Record<string, { description: string; schema?: Record<string, unknown>; required?: boolean }>
      /**
       * OpenAPI links to the operations that use what this answer created, by link name:
       * `parameters` maps their parameter names to runtime expressions such as `$response.body#/id`.
       */
      links?: Record<string, { operationId: string; parameters?: Record<string, string>; description?: string }>
    }

/** One HTTP route of a service: its schemas are the validation, the types, the OpenAPI entry and the response check. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  url: string
  summary: string
  /** Longer text for the OpenAPI description. */
  description?: string
  /** Default: the method and the path in camel case (`POST /cart/checkout` → `postCartCheckout`). */
  operationId?: string
  auth: Access
  /** `headers` names request headers in lower case (`idempotency-key`); unknown headers pass. */
  schema?: { body?: Schema; params?: Schema; querystring?: Schema; headers?: Schema }
  /**
   * Content types besides application/json whose raw text the handler parses itself (XML, FHIR);
   * the body schema then applies to application/json only.
   */
  rawContentTypes?: string[]
  /** Every success status the route answers with, and its body. */
  responses?: Record<number, ResponseSpec>
  /**
   * The problems (4xx) the handler itself may answer, as status → slugs. The kernel adds the ones
   * it answers: validation (400), authentication and role (401/403), second factor, signatures,
   * body size and content type.
   */
  problems?: Partial<Record<number, readonly string[]>>
  handler(req: RouteRequest, reply: FastifyReply): Promise<unknown>
  /** The service that serves it (set by the runtime). */
  service?: string
}

/** Declares a route with types inferred from its zod schemas. */
export function route<
  B extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
>(
  def: Omit<RouteDef, 'handler' | 'schema' | 'service'> & {
    schema?: { body?: B; params?: P; querystring?: Q; headers?: Schema }
    handler(
      req: RouteRequest<
        B extends Schema ? z.infer<B> : unknown,
        P extends Schema ? z.infer<P> : unknown,
        Q extends Schema ? z.infer<Q> : unknown
      >,
      reply: FastifyReply,
    ): Promise<unknown>
  },
): RouteDef {
  return def as RouteDef
}
