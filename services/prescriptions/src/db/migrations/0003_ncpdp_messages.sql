-- NCPDP SCRIPT messages other than NewRx (CancelRx, RxRenewalResponse, RxChangeResponse), once each
-- by MessageID, with what they did. One we cannot match to a prescription, or whose answer is
-- ambiguous, waits for a pharmacist (needs_review) instead of failing.
CREATE TABLE prescriptions.ncpdp_messages (
  message_id text PRIMARY KEY,
  transaction text NOT NULL,
  relates_to text,
  order_number text,
  reference text,
  decision text,
  prescription_id uuid REFERENCES prescriptions.prescriptions (prescription_id),
  result_prescription_id uuid REFERENCES prescriptions.prescriptions (prescription_id),
  outcome text NOT NULL,
  needs_review boolean NOT NULL DEFAULT false,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ncpdp_messages_review ON prescriptions.ncpdp_messages (received_at) WHERE needs_review;
CREATE INDEX prescriptions_order_number ON prescriptions.prescriptions (source_order_number) WHERE source_order_number IS NOT NULL;
