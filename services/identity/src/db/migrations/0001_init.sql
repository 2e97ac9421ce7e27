-- Identity: accounts of every role, patients, prescribers, MFA challenges and the token signing keys.
-- Personal data is never stored in the clear: each account has its own data key (DEK), sealed by a
-- key derived from the master key, and its personal fields are sealed (AES-256-GCM) under that DEK.
-- E-mail lookups use a blind index (keyed HMAC). Erasure destroys the DEK: what it sealed is unreadable.

CREATE TABLE identity.accounts (
  account_id uuid PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('patient', 'practitioner', 'pharmacist', 'technician', 'driver', 'admin', 'auditor')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'erased')),
  email_index text UNIQUE,
  password_hash text,
  wrapped_dek text,
  -- {name, email} sealed under the DEK
  contact_sealed text,
  totp_secret_sealed text,
  totp_enabled_at timestamptz,
  -- the last TOTP time step accepted: a code is good once only (RFC 6238 §5.2)
  totp_last_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz,
  CHECK (status = 'erased' OR (email_index IS NOT NULL AND password_hash IS NOT NULL AND wrapped_dek IS NOT NULL AND contact_sealed IS NOT NULL)),
  CHECK (totp_enabled_at IS NULL OR totp_secret_sealed IS NOT NULL)
);

CREATE TABLE identity.patients (
  patient_id uuid PRIMARY KEY REFERENCES identity.accounts (account_id),
  -- {date_of_birth, phone, address} sealed under the account's DEK; NULL once erased
  profile_sealed text,
  consent_email boolean NOT NULL,
  consent_sms boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at timestamptz
);

-- Prescriber identifiers are public registry data (NPPES, DEA), not a patient's: kept in the clear.
CREATE TABLE identity.practitioners (
  account_id uuid PRIMARY KEY REFERENCES identity.accounts (account_id),
  npi text NOT NULL UNIQUE CHECK (npi ~ '^[0-9]{10}$'),
  dea_number text CHECK (dea_number ~ '^[A-Z][A-Z9][0-9]{7}$'),
  licence_state text NOT NULL CHECK (licence_state ~ '^[A-Z]{2}$')
);

-- One row per password sign-in that still needs its second factor: single use, few attempts.
CREATE TABLE identity.mfa_challenges (
  challenge_id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES identity.accounts (account_id),
  attempts int NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX mfa_challenges_expires ON identity.mfa_challenges (expires_at);

-- Ed25519 keys that sign access tokens; the private JWK sealed by a master-key-derived key, so every
-- replica signs with the same key and every service verifies through /.well-known/jwks.json.
CREATE TABLE identity.signing_keys (
  kid text PRIMARY KEY,
  alg text NOT NULL,
  public_jwk jsonb NOT NULL,
  private_jwk_sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
