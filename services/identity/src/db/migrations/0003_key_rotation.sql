-- Master-key rotation. Each wrapped DEK names the KEK it is wrapped under, so a rotation finds what is
-- left to re-wrap (NULL: wrapped before this column existed). The keys under the blind index and the
-- request fingerprints are stored, wrapped by the master key, so that rotating it changes no index.
ALTER TABLE identity.accounts ADD COLUMN kek_id text;
CREATE INDEX accounts_kek ON identity.accounts (kek_id) WHERE wrapped_dek IS NOT NULL;

CREATE TABLE identity.key_material (
  name text PRIMARY KEY,
  wrapped text NOT NULL,
  kek_id text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
