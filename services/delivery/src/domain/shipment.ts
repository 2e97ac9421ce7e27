/** The carrier name of our own fleet (FedEx, UPS and DHL come later). */
export const OWN_FLEET = 'apotheca-fleet'

const HOUR_MS = 3_600_000

/**
 * When the patient may expect the parcel: same day (4 h) when a driver of our fleet has it,
 * else two days (routed by hand). A first estimate only; routing will refine it.
 */
export function estimateDeliveryAt(createdAt: Date, hasDriver: boolean): Date {
  return new Date(createdAt.getTime() + (hasDriver ? 4 : 48) * HOUR_MS)
}
