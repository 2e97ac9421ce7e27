import { ServiceCallError } from '@apotheca/contracts'
import { Problem, type Logger } from '@apotheca/kernel'
import { ZodError } from 'zod'

/**
 * Runs a call to another service or to the payment provider. When that dependency is down
 * (unreachable, timing out, answering 5xx) the caller gets a 503 problem: the one 5xx that is not a
 * bug of ours, and the one that tells a client to retry later rather than to fix its request.
 * Anything else (a 4xx we did not expect, an answer that breaks the contract) is our bug and stays a 500.
 */
export async function dependency<T>(log: Logger, name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (err) {
    if (err instanceof Problem || err instanceof ZodError) throw err
    if (err instanceof ServiceCallError && err.status < 500) throw err
    log.warn({ dependency: name, err: err instanceof Error ? err.message.slice(0, 200) : String(err) }, 'dependency unavailable')
    throw new Problem(503, 'dependency-unavailable', `The ${name} service is unavailable`, 'retry shortly', { service: name })
  }
}
