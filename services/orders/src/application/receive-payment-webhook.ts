import { Problem } from '@apotheca/kernel'
import {
  advanceProviderIntent,
  firstDelivery,
  isOurIntent,
  recordWebhookEvent,
  setWebhookOutcome,
} from '../db/provider-intent.repository.ts'
import { WebhookRejected, type ProviderEvent } from './payment-gateway.ts'
import type { OrdersDeps } from './deps.ts'

/**
 * What a webhook delivery did: applied, stale (older than what we know), ignored (an event we do not
 * act on), unknown_intent (about an intent checkout never created), or duplicate (an event seen before).
 */
export type WebhookOutcome = 'applied' | 'stale' | 'ignored' | 'unknown_intent' | 'duplicate'

/**
 * Takes one signed webhook from the payment provider and processes it exactly once: the provider's
 * event id goes into the inbox in the same transaction as the event's effect, so a redelivery finds
 * it and changes nothing; a status only moves forward, so an event arriving after a later one is stale.
 * The very same signed delivery sent again (however its header is written) is a replay: 409.
 *
 * The effect is the provider's view of the intent (orders.provider_intents), which the saga's own
 * record is checked against; the saga moves the order, since it alone knows why it asked. An intent
 * that is not ours (another integration on the account, a test event) is acknowledged and changes
 * nothing: a refusal would only make the provider retry it for days.
 */
export async function receivePaymentWebhook(
  deps: Pick<OrdersDeps, 'db' | 'log' | 'webhooks'>,
  rawBody: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<{ event_id: string; outcome: WebhookOutcome }> {
  let event: ProviderEvent
  try {
    event = deps.webhooks.parse(rawBody ?? '', headers)
  } catch (err) {
    if (err instanceof WebhookRejected) throw new Problem(401, 'invalid-signature', 'Webhook signature refused', err.message)
    throw err
  }
  const outcome = await deps.db.transaction(async (tx): Promise<WebhookOutcome> => {
    // In the transaction of the effect: a delivery that failed leaves no receipt, so the same one may come again.
    if (!(await firstDelivery(tx, event.delivery))) throw replayed()
    // An event seen before commits with its receipt only: a replay of this delivery is refused too.
    if (!(await recordWebhookEvent(tx, event))) return 'duplicate'
    const outcome = await effectOf(tx, event)
    await setWebhookOutcome(tx, event.event_id, outcome)
    return outcome
  })
  deps.log.info({ event_id: event.event_id, type: event.type, outcome }, 'payment webhook')
  return { event_id: event.event_id, outcome }
}

async function effectOf(tx: Parameters<typeof advanceProviderIntent>[0], e: ProviderEvent): Promise<WebhookOutcome> {
  const { payment_intent_id, status } = e
  if (!payment_intent_id || !status) return 'ignored'
  if (!(await isOurIntent(tx, payment_intent_id, e.order_id))) return 'unknown_intent'
  return (await advanceProviderIntent(tx, { ...e, payment_intent_id, status })) ? 'applied' : 'stale'
}

const replayed = () =>
  new Problem(409, 'webhook-replayed', 'This signed delivery was already received', 'the provider signs each delivery anew')
