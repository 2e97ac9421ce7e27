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

/** Builds the dependencies from the runtime's context (the shelf life from its configuration). */
export function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'services' | 'log' | 'config'>): InventoryDeps {
  return {
    db: ctx.db,
    publish: ctx.publish,
    services: ctx.services,
    log: ctx.log,
    minShelfDays: ctx.config.APOTHECA_MIN_SHELF_DAYS,
    clock: () => new Date(),
  }
}

/** Today (UTC) and the expiry date a sellable batch must be after, by the deps' clock. */
export function dates(deps: InventoryDeps): { today: string; cutoff: string } {
  const today = isoDay(deps.clock())
  return { today, cutoff: shelfCutoff(today, deps.minShelfDays) }
}
