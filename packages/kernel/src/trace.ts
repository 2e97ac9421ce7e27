import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'

/** W3C Trace Context (traceparent) carried from an HTTP request into its events, and from an event into what its consumers do. */
const current = new AsyncLocalStorage<string>()

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/

/** A new span in the given trace (or a new trace): same trace id, fresh parent id. */
export function childTraceparent(parent?: string | null): string {
  const traceId = parent && TRACEPARENT.test(parent) && !/^00-0{32}-/.test(parent) ? parent.slice(3, 35) : randomBytes(16).toString('hex')
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`
}

/** Runs fn with this traceparent as the current one. */
export const withTrace = <T>(traceparent: string, fn: () => T): T => current.run(traceparent, fn)

/** The traceparent of the request or event being handled, if any. */
export const currentTraceparent = (): string | undefined => current.getStore()
