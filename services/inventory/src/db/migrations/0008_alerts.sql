-- Reorder points per drug and location; `alerted` remembers that the low-stock event was sent for
-- the current dip, so the job says it once per crossing and re-arms when stock comes back.
CREATE TABLE inventory.reorder_points (
  drug_id uuid NOT NULL,
  location_id uuid NOT NULL REFERENCES inventory.locations (location_id),
  reorder_point integer NOT NULL CHECK (reorder_point >= 0),
  alerted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (drug_id, location_id)
);

-- Expiry thresholds (days) already announced per batch, so each is said once.
CREATE TABLE inventory.expiry_alerts (
  batch_id uuid NOT NULL REFERENCES inventory.batches (batch_id),
  threshold_days integer NOT NULL CHECK (threshold_days IN (30, 60, 90)),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, threshold_days)
);
