-- Signed checkpoints of the chain head, and every public key that ever signed one (ADR 0010).
CREATE TABLE audit.signing_keys (
  key_id text PRIMARY KEY,
  public_jwk jsonb NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit.checkpoints (
  seq bigint PRIMARY KEY REFERENCES audit.entries (seq),
  hash text NOT NULL,
  at timestamptz NOT NULL,
  key_id text NOT NULL REFERENCES audit.signing_keys (key_id),
  signature text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only, like the entries: a checkpoint or a key once written is never changed or removed.
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON audit.checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER signing_keys_append_only BEFORE UPDATE OR DELETE ON audit.signing_keys
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
