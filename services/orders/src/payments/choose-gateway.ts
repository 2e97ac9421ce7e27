import type { Database } from '@apotheca/kernel'
import type { PaymentGateway } from '../application/payment-gateway.ts'
import { localPaymentGateway } from './local-payment.gateway.ts'
import { stripeGateway } from './stripe.gateway.ts'

/**
 * Stripe when APOTHECA_STRIPE_SECRET_KEY is set (APOTHECA_STRIPE_API_URL points it at a twin of
 * Stripe's API in tests), else the local gateway. Read here rather than in the kernel's config
 * because only orders knows a payment provider; the lead may move it into ConfigSchema.
 */
export function chooseGateway(db: Database, env: NodeJS.ProcessEnv = process.env): PaymentGateway {
  const key = env.APOTHECA_STRIPE_SECRET_KEY
  if (!key) return localPaymentGateway(db)
  if (!env.APOTHECA_STRIPE_API_URL) return stripeGateway({ secretKey: key })
  const url = new URL(env.APOTHECA_STRIPE_API_URL)
  return stripeGateway({
    secretKey: key,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443),
    protocol: url.protocol === 'http:' ? 'http' : 'https',
  })
}
