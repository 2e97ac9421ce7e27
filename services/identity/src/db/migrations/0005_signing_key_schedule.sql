-- Signing-key rotation: a new key is published in the JWKS before it signs (activates_at in the
-- future), so every verifier's cached key set knows it by the time tokens carry its kid.
ALTER TABLE identity.signing_keys ADD COLUMN activates_at timestamptz;
UPDATE identity.signing_keys SET activates_at = created_at;
ALTER TABLE identity.signing_keys ALTER COLUMN activates_at SET NOT NULL, ALTER COLUMN activates_at SET DEFAULT now();
