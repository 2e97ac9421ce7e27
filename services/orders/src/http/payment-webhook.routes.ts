import { route } from '@apotheca/kernel'
import type { OrdersDeps } from '../application/deps.ts'
import { receivePaymentWebhook } from '../application/receive-payment-webhook.ts'
import { PaymentEventAnswer, PaymentEventBody, PaymentEventHeaders } from './schemas.ts'

/** The payment provider's webhook (Stripe's protocol, also spoken by the local gateway). */
export function paymentWebhookRoutes(deps: OrdersDeps) {
  return [
    route({
      method: 'POST',
      url: '/webhooks/payments',
      summary: 'Payment provider events (Stripe-Signature checked by the stripe package); each event id is processed once',
      description:
        'Every signed event is acknowledged with 200 and what it did, including events about intents that are not ours ' +
        '(unknown_intent: nothing changes), so that the provider stops retrying them. The same signed delivery sent again is a ' +
        '409 webhook-replayed; the provider re-signs its retries, which are answered duplicate.',
      auth: { public: true, why: 'the payment provider calls it; the Stripe-Signature HMAC is checked in the handler' },
      schema: { body: PaymentEventBody, headers: PaymentEventHeaders },
      responses: { 200: PaymentEventAnswer },
      problems: { 401: ['invalid-signature'], 409: ['webhook-replayed'] },
      handler: async ({ rawBody, headers }) => ({ received: true, ...(await receivePaymentWebhook(deps, rawBody, headers)) }),
    }),
  ]
}
