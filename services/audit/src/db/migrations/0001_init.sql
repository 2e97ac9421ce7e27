-- The tamper-evident audit log: append-only, each entry hashing the one before it.
CREATE TABLE audit.entries (
  seq bigint PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  event_type text NOT NULL,
  resource_id text NOT NULL,
  resource_ids text[] NOT NULL,
  actor text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  details jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX entries_resource_ids ON audit.entries USING gin (resource_ids);

-- Append-only: the database refuses updates and deletes of entries.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only';
END $$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON audit.entries
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
