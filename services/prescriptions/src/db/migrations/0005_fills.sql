-- Each dispensing of a verified prescription (the original fill, then refills), once per order.
CREATE TABLE prescriptions.fills (
  prescription_id uuid NOT NULL REFERENCES prescriptions.prescriptions (prescription_id),
  order_id uuid NOT NULL,
  fill_number int NOT NULL,
  quantity int NOT NULL CHECK (quantity > 0),
  filled_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (prescription_id, order_id),
  UNIQUE (prescription_id, fill_number)
);
ALTER TABLE prescriptions.prescriptions ADD COLUMN fills_count int NOT NULL DEFAULT 0;
ALTER TABLE prescriptions.prescriptions ADD COLUMN last_filled_on date;
-- When a renewal was asked of the prescriber (refills ran out): asked once.
ALTER TABLE prescriptions.prescriptions ADD COLUMN renewal_requested_at timestamptz;
