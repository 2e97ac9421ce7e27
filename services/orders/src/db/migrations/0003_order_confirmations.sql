-- The signed confirmation of each order (Ed25519 over the canonical JSON kept here byte for byte),
-- written once when checkout confirms the order; a later status change never rewrites it.
CREATE TABLE orders.order_confirmations (
  order_id uuid PRIMARY KEY REFERENCES orders.orders (order_id),
  document text NOT NULL,
  signature text NOT NULL,
  key_id text NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now()
);
