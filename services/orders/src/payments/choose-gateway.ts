import type { Config, Database } from '@apotheca/kernel'
import type { PaymentGateway } from '../application/payment-gateway.ts'
import { localPaymentGateway } from './local-payment.gateway.ts'
import { stripeGateway } from './stripe.gateway.ts'

/**
 * Stripe when APOTHECA_STRIPE_SECRET_KEY is set (APOTHECA_STRIPE_API_URL points it at a twin of
 * Stripe's API in tests), else the local gateway. Both are validated by the kernel's config schema.
 */
export function chooseGateway(
  db: Database,
  config: Pick<Config, 'APOTHECA_STRIPE_SECRET_KEY' | 'APOTHECA_STRIPE_API_URL'>,
): PaymentGateway {
  const key = config.APOTHECA_STRIPE_SECRET_KEY
  if (!key) return localPaymentGateway(db)
  if (!config.APOTHECA_STRIPE_API_URL) return stripeGateway({ secretKey: key })
  const url = new URL(config.APOTHECA_STRIPE_API_URL)
  return stripeGateway({
    secretKey: key,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443),
    protocol: url.protocol === 'http:' ? 'http' : 'https',
  })
}
