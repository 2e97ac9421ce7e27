import { z } from 'zod'
import { OrderStatus, PaymentStatus, PrescriptionStatus, ShipmentStatus, AdjustmentReason, Role } from './vocab.ts'

/**
 * Event payload schemas, by type `<service>.<aggregate>.<fact>.v<N>`. Only additive changes within
 * a version. Payloads carry ids, never PHI: a consumer that needs a patient's contact asks identity.
 */
const pick = z.object({
  drug_id: z.uuid(),
  batch_number: z.string(),
  expiry_date: z.string(),
  location_id: z.uuid(),
  quantity: z.number().int().positive(),
})
const orderItem = z.object({
  drug_id: z.uuid(),
  quantity: z.number().int().positive(),
  prescription_id: z.uuid().nullable(),
  unit_price: z.number().int(),
})

export const eventSchemas = {
  'identity.patient.registered.v1': z.object({ patient_id: z.uuid() }),
  'identity.patient.erased.v1': z.object({ patient_id: z.uuid() }),
  'identity.account.created.v1': z.object({ account_id: z.uuid(), role: Role }),
  // identity's token-signing keys changed: a successor published (kid, from activates_at) and/or keys retired.
  'identity.signing_keys.rotated.v1': z.object({
    kid: z.string().nullable(),
    activates_at: z.string().nullable(),
    retired: z.array(z.string()),
    reason: z.enum(['scheduled', 'requested', 'compromised']),
  }),
  // A password was changed by its owner; every session of the account was ended (for the audit log).
  'identity.account.password_changed.v1': z.object({ account_id: z.uuid(), sessions_revoked: z.number().int() }),
  // Someone asked for a password reset of this account by e-mail. The single-use token is sealed (kernel seal,
  // AES-256-GCM) under deriveKey(master key, PASSWORD_RESET_DELIVERY.label), bound to PASSWORD_RESET_DELIVERY.aad:
  // the outbox, Kafka and the audit log hold only ciphertext. No address: notifications asks identity for it.
  'identity.password_reset.requested.v1': z.object({
    reset_id: z.uuid(),
    account_id: z.uuid(),
    expires_at: z.string(),
    sealed_token: z.string(),
  }),
  // A password was reset with an e-mailed token; every session of the account was ended (for the audit log).
  'identity.account.password_reset.v1': z.object({ account_id: z.uuid() }),
  // A read of a patient's PHI (DESIGN: PHI reads are audited): who read it (actor_id), and for what.
  'identity.patient.accessed.v1': z.object({ patient_id: z.uuid(), actor_id: z.string(), purpose: z.enum(['export', 'internal']) }),
  // A patient's consent preferences changed (the new set in full): for the audit log and for senders that cache consent.
  'identity.patient.consent_changed.v1': z.object({
    patient_id: z.uuid(),
    actor_id: z.string(),
    consent: z.object({ email: z.boolean(), sms: z.boolean(), marketing: z.boolean(), data_sharing: z.boolean() }),
  }),
  'catalog.import.completed.v1': z.object({
    import_id: z.uuid(),
    source: z.string(),
    upserted: z.number().int(),
    skipped: z.number().int(),
  }),
  'prescriptions.prescription.received.v1': z.object({
    prescription_id: z.uuid(),
    patient_id: z.uuid(),
    drug_id: z.uuid().nullable(),
    prescriber_id: z.uuid().nullable(),
    quantity: z.number().int(),
    refill_count: z.number().int(),
    channel: z.string(),
  }),
  'prescriptions.prescription.status_changed.v1': z.object({
    prescription_id: z.uuid(),
    patient_id: z.uuid(),
    from: PrescriptionStatus.nullable(),
    to: PrescriptionStatus,
    reason: z.string().nullable(),
    actor_id: z.string().nullable(),
  }),
  // Intake asks for the automated review (validation, drug utilisation review); carries no patient, so unmatched e-prescriptions are reviewed too.
  'prescriptions.prescription.review_requested.v1': z.object({ prescription_id: z.uuid(), channel: z.string() }),
  // Refills ran out: the e-prescribing adapter sends the prescriber an NCPDP RxRenewalRequest with this message_id.
  'prescriptions.prescription.renewal_requested.v1': z.object({
    prescription_id: z.uuid(),
    patient_id: z.uuid(),
    prescriber_id: z.string().nullable(),
    prescriber_npi: z.string().nullable(),
    drug_id: z.uuid().nullable(),
    message_id: z.string(),
  }),
  // A verified prescription was dispensed (the original fill or a refill).
  'prescriptions.prescription.filled.v1': z.object({
    prescription_id: z.uuid(),
    patient_id: z.uuid(),
    order_id: z.uuid(),
    fill_number: z.number().int(),
    quantity: z.number().int(),
    refills_remaining: z.number().int(),
  }),
  // An order's fill was undone: the order was cancelled before the medicine reached the patient.
  'prescriptions.prescription.fill_reversed.v1': z.object({
    prescription_id: z.uuid(),
    patient_id: z.uuid(),
    order_id: z.uuid(),
    fill_number: z.number().int(),
    refills_remaining: z.number().int(),
  }),
  // An allergy was recorded or updated (FHIR AllergyIntolerance or by hand). Ids only: the substance is health data.
  'prescriptions.allergy.recorded.v1': z.object({
    allergy_id: z.uuid(),
    patient_id: z.uuid().nullable(),
    status: z.string(),
    source: z.string(),
    recorded_by: z.string().nullable(),
  }),
  // A read of a patient's clinical data by someone other than the patient (DESIGN: PHI reads are audited):
  // who (actor_id, a person; `via` the service that asked on their behalf, if any) and what.
  'prescriptions.patient.accessed.v1': z.object({
    patient_id: z.uuid(),
    actor_id: z.string(),
    purpose: z.enum(['prescriptions', 'allergies', 'document', 'medications']),
    via: z.string().nullable(),
  }),
  'prescriptions.epcs.status_received.v1': z.object({ message_id: z.string(), prescription_id: z.string(), status: z.string() }),
  'inventory.stock.adjusted.v1': z.object({
    drug_id: z.uuid(),
    batch_number: z.string(),
    location_id: z.uuid(),
    quantity_delta: z.number().int(),
    reason: AdjustmentReason,
    quantity_on_hand: z.number().int(),
    actor_id: z.string().nullable(),
  }),
  // A lot recalled (every batch of it, at every location): the open orders holding it and the patients already supplied from it.
  'inventory.stock.recalled.v1': z.object({
    recall_id: z.uuid(),
    drug_id: z.uuid(),
    batch_number: z.string(),
    reason: z.string(),
    location_ids: z.array(z.uuid()),
    quantity_on_hand: z.number().int(),
    open_orders: z.array(z.object({ order_id: z.uuid(), reservation_id: z.uuid(), quantity: z.number().int() })),
    supplied: z.array(z.object({ order_id: z.uuid(), patient_id: z.uuid(), quantity: z.number().int() })),
    actor_id: z.string().nullable(),
  }),
  // A drug's sellable units at a location fell to or below its reorder point (once per crossing).
  'inventory.stock.low.v1': z.object({
    drug_id: z.uuid(),
    location_id: z.uuid(),
    quantity_available: z.number().int(),
    reorder_point: z.number().int(),
  }),
  // A batch with stock comes within 90, 60 or 30 days of its expiry date (once per threshold, from a scheduled job).
  'inventory.stock.expiring.v1': z.object({
    drug_id: z.uuid(),
    batch_number: z.string(),
    location_id: z.uuid(),
    expiry_date: z.string(),
    days_left: z.number().int(),
    threshold_days: z.number().int(),
    quantity_on_hand: z.number().int(),
  }),
  'inventory.reservation.created.v1': z.object({
    reservation_id: z.uuid(),
    order_id: z.uuid(),
    picks: z.array(pick),
    expires_at: z.string(),
  }),
  'inventory.reservation.released.v1': z.object({ reservation_id: z.uuid(), order_id: z.uuid(), reason: z.string() }),
  'inventory.reservation.committed.v1': z.object({
    reservation_id: z.uuid(),
    order_id: z.uuid(),
    patient_id: z.uuid(),
    picks: z.array(pick),
  }),
  // Fulfilment could not be supplied (a lapsed hold, or held batches blocked since, with no stock left to pick again):
  // nothing was dispensed and nothing stays held; orders compensates.
  'inventory.reservation.commit_failed.v1': z.object({
    reservation_id: z.uuid(),
    order_id: z.uuid(),
    shortages: z.array(z.object({ drug_id: z.uuid(), requested: z.number().int(), available: z.number().int() })),
  }),
  'orders.order.placed.v1': z.object({
    order_id: z.uuid(),
    patient_id: z.uuid(),
    items: z.array(orderItem),
    total_amount: z.number().int(),
    currency: z.string(),
  }),
  'orders.order.status_changed.v1': z.object({
    order_id: z.uuid(),
    patient_id: z.uuid(),
    from: OrderStatus.nullable(),
    order_status: OrderStatus,
    payment_status: PaymentStatus,
    reason: z.string().nullable(),
  }),
  'orders.order.fulfilment_requested.v1': z.object({
    order_id: z.uuid(),
    patient_id: z.uuid(),
    reservation_id: z.uuid(),
    actor_id: z.string().nullable(),
  }),
  'delivery.shipment.created.v1': z.object({
    shipment_id: z.uuid(),
    order_id: z.uuid(),
    patient_id: z.uuid(),
    carrier: z.string(),
    tracking_number: z.string(),
    driver_id: z.uuid().nullable(),
    status: ShipmentStatus,
    // Optional (added for orders' status page): when the carrier or the fleet expects to deliver, ISO 8601.
    estimated_delivery_at: z.string().nullish(),
  }),
  'delivery.shipment.status_changed.v1': z.object({
    shipment_id: z.uuid(),
    order_id: z.uuid(),
    patient_id: z.uuid(),
    from: ShipmentStatus,
    status: ShipmentStatus,
    occurred_at: z.string(),
    // Optional: a revised delivery estimate, ISO 8601.
    estimated_delivery_at: z.string().nullish(),
  }),
  // A read of the audit log itself (GET /audit/events, /audit/proof, /audit/export): who (actor_id), which route,
  // and what it disclosed (the resource asked for, the seq range, how many entries). Keyed by the reader.
  'audit.log.read.v1': z.object({
    actor_id: z.string(),
    route: z.enum(['events', 'proof', 'export']),
    resource_id: z.string().nullable(),
    event_id: z.string().nullable(),
    from_seq: z.number().int().nullable(),
    to_seq: z.number().int().nullable(),
    entries: z.number().int(),
  }),
} as const

/**
 * How identity seals a password-reset token for notifications (ADR 0011): the master-key derivation label
 * (kernel deriveKey) and the AAD that binds the ciphertext to its reset and account.
 */
export const PASSWORD_RESET_DELIVERY = {
  label: 'password-reset:delivery',
  aad: (resetId: string, accountId: string) => `identity.password_reset:${resetId}:${accountId}`,
} as const

export type EventType = keyof typeof eventSchemas
export type EventPayload<T extends EventType> = z.infer<(typeof eventSchemas)[T]>

/** The envelope every event travels in, on the outbox, in process and on Kafka. */
export const EventEnvelope = z.object({
  id: z.uuid(),
  type: z.string(),
  occurred_at: z.string(),
  aggregate_id: z.string(),
  version: z.number().int(),
  payload: z.record(z.string(), z.unknown()),
  traceparent: z.string().nullable(),
})
export type EventEnvelope<T extends EventType = EventType> = Omit<z.infer<typeof EventEnvelope>, 'payload' | 'type'> & {
  type: T
  payload: EventPayload<T>
}

/** `orders.order.placed.v1` → `orders.order`: the family, which is also the Kafka topic's stem. */
export function eventFamily(type: string): string {
  const parts = type.split('.')
  return `${parts[0]}.${parts[1]}`
}

/** `orders.order.placed.v1` → 1. */
export function eventVersion(type: string): number {
  return Number(/\.v(\d+)$/.exec(type)?.[1] ?? 1)
}

/** Every event family: one Kafka topic each. */
export const EVENT_FAMILIES = [...new Set(Object.keys(eventSchemas).map(eventFamily))]
