-- The inbox of payment provider webhooks: one row per provider event id, written in the same
-- transaction as the event's effect, so a duplicated delivery changes nothing.
CREATE TABLE orders.payment_webhook_events (
  event_id text PRIMARY KEY,
  type text NOT NULL,
  payment_intent_id text,
  -- What the event did: 'applied', 'stale' (older than what we know), 'unknown_intent', 'ignored'.
  outcome text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- The provider's last word on each intent, as its webhooks tell it. Kept apart from orders.payments
-- (the saga's record) because a webhook may arrive before the saga records the intent; a status
-- only moves forward (rank), so a reordered webhook cannot take it back.
CREATE TABLE orders.provider_intents (
  payment_intent_id text PRIMARY KEY,
  provider_status text NOT NULL CHECK (provider_status IN ('requires_action', 'failed', 'authorized', 'captured', 'voided', 'refunded')),
  status_rank smallint NOT NULL,
  amount_received bigint NOT NULL DEFAULT 0,
  amount_refunded bigint NOT NULL DEFAULT 0,
  last_event_id text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The local gateway's outgoing webhooks (same protocol as Stripe's), delivered by a job.
CREATE TABLE orders.local_payment_events (
  id text PRIMARY KEY,
  payment_intent_id text NOT NULL,
  payload text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX local_payment_events_undelivered ON orders.local_payment_events (created_at) WHERE delivered_at IS NULL;
