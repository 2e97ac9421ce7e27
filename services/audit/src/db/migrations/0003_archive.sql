-- Which checkpointed ranges of the log are archived as immutable objects (ADR 0012). One row per
-- object, contiguous from seq 1; append-only like the entries, since an object is written once.
CREATE TABLE audit.archived_ranges (
  to_seq bigint PRIMARY KEY REFERENCES audit.checkpoints (seq),
  from_seq bigint NOT NULL UNIQUE CHECK (from_seq >= 1 AND from_seq <= to_seq),
  checkpoint_hash text NOT NULL,
  object_key text NOT NULL UNIQUE,
  store text NOT NULL,
  sha256 text NOT NULL,
  bytes integer NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER archived_ranges_append_only BEFORE UPDATE OR DELETE ON audit.archived_ranges
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
