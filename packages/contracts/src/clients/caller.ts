import type { z } from 'zod'
import type { ServiceName } from '../services.ts'

/** How one service calls another over HTTP: in-process (same runner) or across the network. */
export interface ServiceCaller {
  call(
    service: ServiceName,
    /** anonymous: send no service token (public routes such as the JWKS, which verifying a token needs). */
    req: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown; anonymous?: boolean },
  ): Promise<{ status: number; json: unknown }>
}

/** An RFC 9457 problem document as another service sends it. */
export interface ProblemDocument {
  type?: string
  title?: string
  status?: number
  detail?: string
  [extra: string]: unknown
}

/** A non-2xx answer from another service, kept as the problem document it sent. */
export class ServiceCallError extends Error {
  readonly problem: ProblemDocument | undefined
  constructor(
    readonly service: ServiceName,
    readonly status: number,
    body: unknown,
  ) {
    const problem = body && typeof body === 'object' ? (body as ProblemDocument) : undefined
    super(`${service} answered ${status}${problem?.title ? `: ${problem.title}` : ''}`)
    this.problem = problem
  }
}

/** Calls and parses the answer with its schema; 404 → null, other non-2xx → ServiceCallError. */
export async function fetchOrNull<S extends z.ZodType>(
  caller: ServiceCaller,
  service: ServiceName,
  path: string,
  schema: S,
): Promise<z.infer<S> | null> {
  const r = await caller.call(service, { method: 'GET', path })
  if (r.status === 404) return null
  if (r.status >= 300) throw new ServiceCallError(service, r.status, r.json)
  return schema.parse(r.json)
}
