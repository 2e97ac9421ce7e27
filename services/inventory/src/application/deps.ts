import { z } from 'zod'
import type { ServiceCaller } from '@apotheca/contracts'
import type { Database, Logger, Publish, ServiceContext } from '@apotheca/kernel'
import { isoDay, shelfCutoff } from '../domain/fefo.ts'

/** What inventory's use cases need: its database, its outbox, other services, its rules' settings, a clock. */
export interface InventoryDeps {
  db: Database
  publish: Publish
  services: ServiceCaller
  log: Logger
  /** Days of shelf life a batch must have left to be sold (APOTHECA_MIN_SHELF_DAYS). */
  minShelfDays: number
  clock: () => Date
}

const MinShelfDays = z.coerce.number().int().min(0).max(3650).default(30)

/** Reads APOTHECA_MIN_SHELF_DAYS (default 30), refusing a value that is not a whole number of days. */
export function readMinShelfDays(env: NodeJS.ProcessEnv = process.env): number {
  const r = MinShelfDays.safeParse(env.APOTHECA_MIN_SHELF_DAYS || undefined)
  if (!r.success) throw new Error(`Invalid configuration:\n  APOTHECA_MIN_SHELF_DAYS: must be a whole number of days from 0 to 3650`)
  return r.data
}

/** Builds the dependencies from the runtime's context. */
export function depsFrom(ctx: ServiceContext, env: NodeJS.ProcessEnv = process.env): InventoryDeps {
  return {
    db: ctx.db,
    publish: ctx.publish,
    services: ctx.services,
    log: ctx.log,
    minShelfDays: readMinShelfDays(env),
    clock: () => new Date(),
  }
}

/** Today (UTC) and the expiry date a sellable batch must be after, by the deps' clock. */
export function dates(deps: InventoryDeps): { today: string; cutoff: string } {
  const today = isoDay(deps.clock())
  return { today, cutoff: shelfCutoff(today, deps.minShelfDays) }
}
