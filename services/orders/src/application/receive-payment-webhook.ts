import { Problem } from '@apotheca/kernel'
import { advanceProviderIntent, recordWebhookEvent } from '../db/provider-intent.repository.ts'
import { WebhookRejected, type PaymentWebhooks } from './payment-gateway.ts'
import type { OrdersDeps } from './deps.ts'

/** What a webhook delivery did: applied, stale (older than what we know), ignored (not ours to act on), or duplicate. */
export type WebhookOutcome = 'applied' | 'stale' | 'ignored' | 'duplicate'

/**
 * Takes one signed webhook from the payment provider and processes it exactly once: the provider's
 * event id goes into the inbox in the same transaction as the event's effect, so a redelivery finds
 * it and changes nothing; a status only moves forward, so an event arriving after a later one is stale.
 *
 * The effect is the provider's view of the intent (orders.provider_intents), which the saga's own
 * record is checked against; the saga moves the order, since it alone knows why it asked.
 */
export async function receivePaymentWebhook(
  deps: Pick<OrdersDeps, 'db' | 'log'>,
  webhooks: PaymentWebhooks,
  rawBody: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<{ event_id: string; outcome: WebhookOutcome }> {
  let event
  try {
    event = webhooks.parse(rawBody ?? '', headers)
  } catch (err) {
    if (err instanceof WebhookRejected) throw new Problem(401, 'invalid-signature', 'Webhook signature refused', err.message)
    throw err
  }
  const outcome = await deps.db
    .transaction(async (tx): Promise<WebhookOutcome> => {
      const { payment_intent_id, status } = event
      const applied = payment_intent_id && status ? await advanceProviderIntent(tx, { ...event, payment_intent_id, status }) : null
      const outcome: WebhookOutcome = applied === null ? 'ignored' : applied ? 'applied' : 'stale'
      // Recorded after the effect but in its transaction: a duplicate rolls the effect back with it.
      if (!(await recordWebhookEvent(tx, event, outcome))) throw new Duplicate()
      return outcome
    })
    .catch((err) => {
      if (err instanceof Duplicate) return 'duplicate' as const
      throw err
    })
  deps.log.info({ event_id: event.event_id, type: event.type, outcome }, 'payment webhook')
  return { event_id: event.event_id, outcome }
}

class Duplicate extends Error {}
