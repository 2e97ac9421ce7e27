import type { ServiceCaller } from '@apotheca/contracts'
import type { Database, Logger, Publish, ServiceContext } from '@apotheca/kernel'
import { loadSigner, type Signer } from './signing-keys.ts'

/** What the use cases of this service work with (from the service context, plus the signer). */
export interface PrescriptionsDeps {
  db: Database
  publish: Publish
  services: ServiceCaller
  log: Logger
  signer: Signer
}

/** Builds the dependencies from the runtime's context: its database, outbox and callers, and the signer its master key opens. */
export async function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'services' | 'log' | 'secrets'>): Promise<PrescriptionsDeps> {
  return { db: ctx.db, publish: ctx.publish, services: ctx.services, log: ctx.log, signer: await loadSigner(ctx.db, ctx.secrets.masterKey) }
}
