import { route } from '@apotheca/kernel'
import type { OrdersDeps } from '../application/deps.ts'
import type { PaymentWebhooks } from '../application/payment-gateway.ts'
import { receivePaymentWebhook } from '../application/receive-payment-webhook.ts'

/** The payment provider's webhook (Stripe's protocol, also spoken by the local gateway). */
export function paymentWebhookRoutes(deps: OrdersDeps, webhooks: PaymentWebhooks) {
  return [
    route({
      method: 'POST',
      url: '/webhooks/payments',
      summary: 'Payment provider events (Stripe-Signature checked by the stripe package); each event id is processed once',
      auth: { public: true, why: 'the payment provider calls it; the Stripe-Signature HMAC is checked in the handler' },
      handler: async ({ rawBody, headers }) => ({ received: true, ...(await receivePaymentWebhook(deps, webhooks, rawBody, headers)) }),
    }),
  ]
}
