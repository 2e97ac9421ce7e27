import type { ServiceCaller } from '@apotheca/contracts'
import type { Database, Logger, Publish } from '@apotheca/kernel'
import type { Signer } from './signing-keys.ts'

/** What the use cases of this service work with (from the service context, plus the signer). */
export interface Deps {
  db: Database
  publish: Publish
  services: ServiceCaller
  log: Logger
  signer: Signer
}
