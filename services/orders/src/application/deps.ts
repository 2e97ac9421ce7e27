import type { ServiceCaller } from '@apotheca/contracts'
import { deriveKey, type Database, type Logger, type Publish, type ServiceContext } from '@apotheca/kernel'
import { chooseGateway } from '../payments/choose-gateway.ts'
import { stripeWebhooks } from '../payments/stripe-webhooks.ts'
import type { PaymentGateway, PaymentWebhooks } from './payment-gateway.ts'
import { orderSigner, type OrderSigner } from './order-signer.ts'
import { settleTiming, type SettleTiming } from './settle-orders.ts'

/** What the routes, consumers and jobs of orders work with; built once by depsFrom. */
export interface OrdersDeps {
  db: Database
  publish: Publish
  services: ServiceCaller
  log: Logger
  gateway: PaymentGateway
  /** Reads the payment provider's signed webhooks. */
  webhooks: PaymentWebhooks
  /** Seals shipping addresses (PHI) at rest. */
  addressKey: Buffer
  /** Signs order confirmations (Ed25519). */
  signer: OrderSigner
  /** When the settle job runs and what it takes for abandoned or unfinished. */
  settle: SettleTiming
}

/** Builds the dependencies from the runtime's context: its database, outbox, callers, secrets and configuration. */
export function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'services' | 'log' | 'secrets' | 'config'>): OrdersDeps {
  return {
    db: ctx.db,
    publish: ctx.publish,
    services: ctx.services,
    log: ctx.log,
    gateway: chooseGateway(ctx.db, ctx.config),
    webhooks: stripeWebhooks(ctx.config.APOTHECA_PAYMENTS_WEBHOOK_SECRET),
    addressKey: deriveKey(ctx.secrets.masterKey, 'orders:shipping-address'),
    signer: orderSigner(ctx.secrets.masterKey),
    settle: settleTiming(ctx.config),
  }
}

/** Today's date in UTC, YYYY-MM-DD (prescription expiry is a date). */
export const todayUtc = () => new Date().toISOString().slice(0, 10)
