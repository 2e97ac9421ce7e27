-- Remembers that the demo stock was loaded, so later starts skip it without asking the catalog.
CREATE TABLE inventory.demo_seeds (
  name text PRIMARY KEY,
  drugs integer NOT NULL,
  batches integer NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now()
);
