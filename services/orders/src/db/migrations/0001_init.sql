-- Carts: one per patient, one line per drug; the price is captured when the line is added.
CREATE TABLE orders.carts (
  patient_id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders.cart_items (
  patient_id uuid NOT NULL REFERENCES orders.carts (patient_id) ON DELETE CASCADE,
  drug_id uuid NOT NULL,
  name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  prescription_id uuid,
  rx_only boolean NOT NULL,
  dea_schedule text,
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  currency char(3) NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (patient_id, drug_id)
);

-- Orders. Money is integer cents; the total always adds up.
CREATE TABLE orders.orders (
  order_id uuid PRIMARY KEY,
  patient_id uuid NOT NULL,
  order_status text NOT NULL CHECK (order_status IN ('pending', 'awaiting_verification', 'paid', 'fulfilling', 'shipped', 'delivered', 'cancelled', 'refunded')),
  payment_status text NOT NULL CHECK (payment_status IN ('pending', 'authorized', 'captured', 'failed', 'voided', 'refunded')),
  currency char(3) NOT NULL DEFAULT 'USD',
  subtotal bigint NOT NULL CHECK (subtotal >= 0),
  shipping bigint NOT NULL CHECK (shipping >= 0),
  tax bigint NOT NULL CHECK (tax >= 0),
  total_amount bigint NOT NULL CHECK (total_amount = subtotal + shipping + tax),
  reservation_id uuid,
  reservation_status text CHECK (reservation_status IN ('held', 'released', 'committed')),
  payment_intent_id text,
  shipment_id uuid,
  carrier text,
  tracking_number text,
  estimated_delivery_at timestamptz,
  -- PHI: sealed with AES-256-GCM (aad = order_id); dropped when the patient is erased.
  shipping_address_sealed text,
  -- The checkout's Idempotency-Key, so that a retry after a crash resumes this order instead of making another.
  idempotency_key text NOT NULL,
  cancel_reason text,
  -- Set once a cancelled order's reservation is released and its payment voided or refunded.
  compensated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX orders_by_patient ON orders.orders (patient_id, created_at DESC);
CREATE INDEX orders_by_shipment ON orders.orders (shipment_id) WHERE shipment_id IS NOT NULL;
-- One checkout in flight per patient: a second one (another key) is refused rather than racing for the same cart.
CREATE UNIQUE INDEX orders_one_pending_per_patient ON orders.orders (patient_id) WHERE order_status = 'pending';
-- A key names one live order; a refused attempt (cancelled) frees it for a retry.
CREATE UNIQUE INDEX orders_by_idempotency_key ON orders.orders (patient_id, idempotency_key) WHERE order_status <> 'cancelled';
CREATE INDEX orders_to_settle ON orders.orders (updated_at) WHERE order_status IN ('pending', 'cancelled') AND compensated_at IS NULL;

CREATE TABLE orders.order_items (
  order_id uuid NOT NULL REFERENCES orders.orders (order_id),
  drug_id uuid NOT NULL,
  name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  prescription_id uuid,
  rx_only boolean NOT NULL,
  dea_schedule text,
  unit_price bigint NOT NULL CHECK (unit_price >= 0),
  line_total bigint NOT NULL CHECK (line_total = unit_price * quantity),
  PRIMARY KEY (order_id, drug_id)
);
CREATE INDEX order_items_by_prescription ON orders.order_items (prescription_id) WHERE prescription_id IS NOT NULL;

CREATE TABLE orders.order_history (
  id bigserial PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders.orders (order_id),
  from_status text,
  to_status text NOT NULL,
  payment_status text NOT NULL,
  reason text,
  actor_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_history_by_order ON orders.order_history (order_id, id);

-- Our record of each payment intent. Only the provider's token for the method: never card data.
CREATE TABLE orders.payments (
  payment_intent_id text PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders.orders (order_id),
  amount bigint NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'authorized', 'captured', 'failed', 'voided', 'refunded')),
  provider text NOT NULL,
  payment_method text NOT NULL,
  decline_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_by_order ON orders.payments (order_id);

-- The local payment gateway's own ledger (embedded mode and tests), shaped like Stripe PaymentIntents.
CREATE TABLE orders.local_payment_intents (
  id text PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  amount bigint NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  payment_method text NOT NULL,
  status text NOT NULL CHECK (status IN ('requires_payment_method', 'requires_action', 'requires_capture', 'succeeded', 'canceled')),
  amount_received bigint NOT NULL DEFAULT 0,
  amount_refunded bigint NOT NULL DEFAULT 0,
  last_error_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
