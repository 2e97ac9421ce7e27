-- A patient's allergies, the clinical medication data drug utilisation review checks a new drug
-- against (docs/adr/0009). The substance is kept as recorded (code system, code, display); what it
-- means for matching (ingredient names, ATC prefixes) is worked out when it is recorded. Allergies
-- from FHIR keep the patient reference as sent: one not matched to our patient (patient_id null) is
-- stored but never checked. Recording the same FHIR resource again updates it.
CREATE TABLE prescriptions.allergies (
  allergy_id uuid PRIMARY KEY,
  patient_id uuid,
  patient_ref text NOT NULL,
  substance_system text,
  substance_code text,
  substance_display text NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  ingredients text[] NOT NULL DEFAULT '{}',
  atc_prefixes text[] NOT NULL DEFAULT '{}',
  criticality text CHECK (criticality IN ('low', 'high', 'unable-to-assess')),
  status text NOT NULL CHECK (status IN ('active', 'inactive', 'resolved', 'refuted', 'entered-in-error')),
  source text NOT NULL CHECK (source IN ('fhir', 'manual')),
  source_fhir_id text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX allergies_patient ON prescriptions.allergies (patient_id, recorded_at);
CREATE UNIQUE INDEX allergies_fhir_resource ON prescriptions.allergies (patient_ref, source_fhir_id);
