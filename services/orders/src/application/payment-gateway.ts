/**
 * The payment provider, behind our own interface (Stripe first, Adyen next). Authorise and capture
 * are separate (manual capture): money is only taken once the order can be dispensed. Card data
 * never reaches us: the client hands the provider's token for the method (`pm_…`).
 */
export interface PaymentGateway {
  /** Short provider name stored with each payment ('local', 'stripe'). */
  readonly provider: string
  /**
   * Places a hold for the amount. `idempotency_key` makes a retry (after a crash) return the
   * intent created the first time instead of a second hold.
   */
  authorize(req: AuthorizeRequest): Promise<AuthorizeResult>
  /** Takes the held money. Capturing a captured intent is a no-op. */
  capture(intentId: string): Promise<void>
  /**
   * Releases an uncaptured hold. Voiding a voided intent is a no-op; an intent captured meanwhile
   * (a crash between capture and our record of it) answers 'already_captured', to be refunded instead.
   */
  void(intentId: string): Promise<'voided' | 'already_captured'>
  /** Gives back captured money (all of it). Refunding a refunded intent is a no-op. */
  refund(intentId: string): Promise<void>
}

/** What checkout asks the provider to hold. */
export interface AuthorizeRequest {
  amount: number
  currency: string
  payment_method: string
  idempotency_key: string
  order_id: string
}

/** The provider's answer to an authorisation, in our words. */
export type AuthorizeResult =
  | { outcome: 'authorized'; intent_id: string }
  | { outcome: 'declined'; intent_id: string | null; decline_code: string }
  | { outcome: 'requires_action'; intent_id: string }
  | { outcome: 'invalid_method'; intent_id: null }

/** What a provider's webhook says about one payment intent, in our words. */
export interface ProviderEvent {
  /** The provider's event id (evt_…): the inbox key. */
  event_id: string
  type: string
  payment_intent_id: string | null
  /** The order the intent was created for (its metadata), when the event says. */
  order_id: string | null
  /** The intent's status after the event, or null for an event we do not act on. */
  status: ProviderStatus | null
  amount_received: number
  amount_refunded: number
  /**
   * What makes two deliveries the same, for the replay guard: the signature's timestamp and the MAC
   * bytes that verified, however the header wrote them. The provider signs each retry anew.
   */
  delivery: string
}

/** A payment intent's status as the provider reports it. */
export type ProviderStatus = 'requires_action' | 'failed' | 'authorized' | 'captured' | 'voided' | 'refunded'

/**
 * Reads a provider's signed webhook; throws WebhookRejected when the signature does not hold. Stripe
 * and the local gateway share one protocol (stripe-webhooks.ts); Adyen's HMAC notifications would be
 * a second implementation of this interface beside its PaymentGateway adapter.
 */
export interface PaymentWebhooks {
  parse(rawBody: string, headers: Record<string, string | string[] | undefined>): ProviderEvent
}

/** A webhook whose signature (or shape) is refused. */
export class WebhookRejected extends Error {}
