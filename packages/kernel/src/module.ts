import type { ServiceCaller, ServiceName } from '@apotheca/contracts'
import type { Config } from './config.ts'
import type { Database } from './db/database.ts'
import type { Logger } from './logger.ts'
import type { Publish } from './events/publisher.ts'
import type { Consumer } from './events/consumer.ts'
import type { RouteDef } from './http/route.ts'
import type { Secrets } from './crypto/secrets.ts'

/** What the runtime hands a service: its database (its own schema), events, other services, config. */
export interface ServiceContext {
  name: ServiceName
  /** The service's PostgreSQL schema: every table it owns lives there. */
  schema: string
  db: Database
  log: Logger
  config: Config
  secrets: Secrets
  publish: Publish
  services: ServiceCaller
}

/** A background job, run every `everyMs` without overlapping itself. */
export interface Job {
  name: string
  everyMs: number
  run(): Promise<void>
}

/** The parts a service contributes to a process. */
export interface ServiceParts {
  routes: RouteDef[]
  consumers?: Consumer[]
  jobs?: Job[]
  /** Loads demo data (embedded mode, APOTHECA_DEMO=1); must be idempotent. */
  seedDemo?(): Promise<void>
  /** Runs after migrations and before the process serves (load keys, warm caches). */
  start?(): Promise<void>
  stop?(): Promise<void>
}

/** The one export of services/<name>/src/module.ts. */
export interface ServiceModule {
  name: ServiceName
  /** Folder of forward-only SQL migrations NNNN_name.sql. */
  migrations: URL
  create(ctx: ServiceContext): ServiceParts | Promise<ServiceParts>
}
