-- Sign-in throttling, refresh tokens and TOTP recovery codes.

-- Failed sign-ins per key: 'account:' + the e-mail's blind index (known or not, so a lockout tells
-- nothing about whether the e-mail has an account) and 'ip:' + a keyed hash of the address.
CREATE TABLE identity.sign_in_failures (
  throttle_key text PRIMARY KEY,
  failures int NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Refresh tokens rotate: each use spends the token and issues the next of its family. A spent token
-- shown again means it was stolen (or the client is broken): the whole family is revoked (RFC 9700 §4.14.2).
CREATE TABLE identity.refresh_tokens (
  token_hash text PRIMARY KEY,
  family_id uuid NOT NULL,
  account_id uuid NOT NULL REFERENCES identity.accounts (account_id),
  -- when the family's sign-in proved the second factor; carried over so a refresh is never a fresh step-up
  mfa_at bigint,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON identity.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account ON identity.refresh_tokens (account_id);

-- Single-use recovery codes for a lost authenticator, stored as hashes only.
CREATE TABLE identity.recovery_codes (
  code_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES identity.accounts (account_id),
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recovery_codes_account ON identity.recovery_codes (account_id);
