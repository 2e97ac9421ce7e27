-- A patient's uploaded prescription (PDF, JPEG, PNG), kept with its SHA-256 for a pharmacist to
-- transcribe; the type is the one its first bytes show, never the name the patient gave.
CREATE TABLE prescriptions.documents (
  prescription_id uuid PRIMARY KEY REFERENCES prescriptions.prescriptions (prescription_id),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes int NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
