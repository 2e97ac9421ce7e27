-- Prescriptions: every field of the API, where it came from, and its signature once verified.
-- patient_id and drug_id stay null when an e-prescription names no patient or drug we know:
-- such a prescription waits in the pharmacist's queue (review_notes say why) and cannot be approved.
CREATE TABLE prescriptions.prescriptions (
  prescription_id uuid PRIMARY KEY,
  patient_id uuid,
  drug_id uuid,
  -- The prescriber's account id (a practitioner's token subject, or a FHIR Practitioner/<id>).
  prescriber_id text,
  submitted_by text,
  dosage text,
  quantity int CHECK (quantity BETWEEN 1 AND 10000),
  refill_count int NOT NULL DEFAULT 0 CHECK (refill_count BETWEEN 0 AND 11),
  refills_remaining int NOT NULL DEFAULT 0 CHECK (refills_remaining >= 0),
  issue_date date,
  expiry_date date,
  -- From the catalog drug when the prescription was taken in (or confirmed at verification).
  dea_schedule text CHECK (dea_schedule IN ('CI', 'CII', 'CIII', 'CIV', 'CV')),
  drug_confirmed boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('received', 'validating', 'in_review', 'verified', 'rejected', 'cancelled', 'expired', 'inactive')),
  channel text NOT NULL CHECK (channel IN ('structured', 'fhir', 'ncpdp', 'upload')),
  -- Source references as the sender gave them.
  source_message_id text,
  source_order_number text,
  source_fhir_id text,
  source_ndc text,
  source_rxnorm text,
  source_drug_text text,
  prescriber_npi text,
  prescriber_ref text,
  review_notes text[] NOT NULL DEFAULT '{}',
  -- Ed25519 over the canonical signed form (domain/signed-form.ts), base64url.
  signature text,
  signing_key_id text,
  verified_by text,
  verified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (expiry_date IS NULL OR issue_date IS NULL OR expiry_date > issue_date)
);
CREATE INDEX prescriptions_patient ON prescriptions.prescriptions (patient_id, created_at DESC);
CREATE INDEX prescriptions_prescriber ON prescriptions.prescriptions (prescriber_id, created_at DESC);
CREATE INDEX prescriptions_queue ON prescriptions.prescriptions (created_at) WHERE status = 'in_review';
-- One NCPDP NewRx message is one prescription: a resent message finds the first.
CREATE UNIQUE INDEX prescriptions_ncpdp_message ON prescriptions.prescriptions (source_message_id) WHERE channel = 'ncpdp';

-- Every status change, and notes (from = to) such as e-prescribing network updates.
CREATE TABLE prescriptions.status_history (
  id bigserial PRIMARY KEY,
  prescription_id uuid NOT NULL REFERENCES prescriptions.prescriptions (prescription_id),
  from_status text,
  to_status text NOT NULL,
  reason text,
  actor text,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX status_history_prescription ON prescriptions.status_history (prescription_id, id);

-- Status messages from the e-prescribing network, once each (message_id is the idempotency key).
-- prescription_id is kept as given: the message may arrive before, or without, the prescription.
CREATE TABLE prescriptions.epcs_messages (
  message_id text PRIMARY KEY,
  prescription_id text NOT NULL,
  status text NOT NULL,
  known boolean NOT NULL,
  outcome text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- The service's Ed25519 key pairs; the private key is sealed under a key derived from the master key.
CREATE TABLE prescriptions.signing_keys (
  key_id text PRIMARY KEY,
  algorithm text NOT NULL DEFAULT 'Ed25519',
  public_key text NOT NULL,
  private_key_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
