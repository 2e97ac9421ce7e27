-- The automated review (validation, drug utilisation review) runs after intake, from an event:
-- what it found is kept on the prescription for the pharmacist, and an approval over a finding
-- records the pharmacist's override reason code.
ALTER TABLE prescriptions.prescriptions ADD COLUMN findings jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE prescriptions.prescriptions ADD COLUMN days_supply int CHECK (days_supply BETWEEN 1 AND 365);
-- The drug's ingredients and ATC codes as the catalog gave them: DUR compares the patient's medicines without asking again.
ALTER TABLE prescriptions.prescriptions ADD COLUMN ingredients text[];
ALTER TABLE prescriptions.prescriptions ADD COLUMN atc_codes text[];
ALTER TABLE prescriptions.prescriptions ADD COLUMN override_reason text;
ALTER TABLE prescriptions.prescriptions ADD COLUMN reviewed_at timestamptz;
-- DUR reads a patient's open prescriptions and medication history.
CREATE INDEX prescriptions_patient_status ON prescriptions.prescriptions (patient_id, status);
