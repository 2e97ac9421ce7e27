-- A recall of a lot (drug + batch number, at every location): who recalled it, when and why. Its
-- ledger rows carry source 'recall:<recall_id>'.
CREATE TABLE inventory.recalls (
  recall_id uuid PRIMARY KEY,
  drug_id uuid NOT NULL,
  batch_number text NOT NULL,
  reason text NOT NULL,
  actor text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recalls_lot ON inventory.recalls (drug_id, batch_number);
CREATE INDEX reservation_items_batch ON inventory.reservation_items (batch_id);
