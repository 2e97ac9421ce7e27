-- Consent preferences beyond e-mail and SMS, and the history of every change (who, when, the new set).
ALTER TABLE identity.patients ADD COLUMN consent_marketing boolean NOT NULL DEFAULT false;
ALTER TABLE identity.patients ADD COLUMN consent_data_sharing boolean NOT NULL DEFAULT false;

CREATE TABLE identity.consent_history (
  change_id bigserial PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES identity.patients (patient_id),
  email boolean NOT NULL,
  sms boolean NOT NULL,
  marketing boolean NOT NULL,
  data_sharing boolean NOT NULL,
  -- an account id, or 'registration' for the consent given when registering
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_history_patient ON identity.consent_history (patient_id, change_id);
