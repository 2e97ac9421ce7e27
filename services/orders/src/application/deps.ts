import type { ServiceCaller } from '@apotheca/contracts'
import type { Database, Logger, Publish } from '@apotheca/kernel'
import type { PaymentGateway } from './payment-gateway.ts'
import type { OrderSigner } from './order-signer.ts'

/** What the use cases of orders work with; built once in module.ts. */
export interface OrdersDeps {
  db: Database
  publish: Publish
  services: ServiceCaller
  log: Logger
  gateway: PaymentGateway
  /** Seals shipping addresses (PHI) at rest. */
  addressKey: Buffer
  /** Signs order confirmations (Ed25519). */
  signer: OrderSigner
}

/** Today's date in UTC, YYYY-MM-DD (prescription expiry is a date). */
export const todayUtc = () => new Date().toISOString().slice(0, 10)
