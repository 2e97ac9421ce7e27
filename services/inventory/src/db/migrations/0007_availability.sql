-- The availability read model other services (and the storefront) read: per drug, what could be
-- reserved, refreshed by a job from the batches. Eventually consistent by design: writes decide
-- on the batches themselves, never on this table.
CREATE TABLE inventory.availability (
  drug_id uuid PRIMARY KEY,
  quantity_available integer NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
