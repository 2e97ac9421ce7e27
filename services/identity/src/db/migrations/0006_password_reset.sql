-- Password reset by e-mail (ADR 0011): single-use tokens, stored as SHA-256 only, 30 minutes each.
-- A new request voids the account's unused one; a used, voided or expired row never opens again.
CREATE TABLE identity.password_resets (
  reset_id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES identity.accounts (account_id),
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  voided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_resets_account ON identity.password_resets (account_id) WHERE used_at IS NULL AND voided_at IS NULL;
