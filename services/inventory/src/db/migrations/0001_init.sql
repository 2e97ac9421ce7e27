-- Stock by location and batch (lot + expiry), an append-only ledger of every change to it,
-- and reservations that hold units for orders until they are dispensed or released.

CREATE TABLE inventory.locations (
  location_id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('pharmacy', 'warehouse')),
  address text,
  geom geography(Point, 4326),
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX locations_one_default ON inventory.locations (is_default) WHERE is_default;
CREATE INDEX locations_geom ON inventory.locations USING gist (geom);

-- The default location: stock adjusted without a location_id goes here. A fixed id, so every
-- replica and every database agree on it.
INSERT INTO inventory.locations (location_id, name, kind, address, geom, is_default)
VALUES ('5f0c3a52-8d1e-4c6b-9a8e-3b7d2e1f4a60', 'Apotheca Midtown', 'pharmacy', '350 Fifth Avenue, New York, NY 10118, US',
        ST_SetSRID(ST_MakePoint(-73.9857, 40.7484), 4326)::geography, true)
ON CONFLICT DO NOTHING;

CREATE TABLE inventory.batches (
  batch_id uuid PRIMARY KEY,
  drug_id uuid NOT NULL,
  location_id uuid NOT NULL REFERENCES inventory.locations (location_id),
  batch_number text NOT NULL,
  expiry_date date NOT NULL,
  quantity_on_hand integer NOT NULL DEFAULT 0 CHECK (quantity_on_hand >= 0 AND quantity_on_hand <= 1000000000),
  quantity_reserved integer NOT NULL DEFAULT 0 CHECK (quantity_reserved >= 0),
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'quarantined', 'expired', 'recalled')),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT batches_reserved_within_on_hand CHECK (quantity_reserved <= quantity_on_hand),
  CONSTRAINT batches_batch_number_unique UNIQUE (drug_id, location_id, batch_number)
);
CREATE INDEX batches_fefo ON inventory.batches (drug_id, expiry_date) WHERE status = 'available';

-- Every change of quantity_on_hand (and every status change, with delta 0) is a row here:
-- per batch, quantity_on_hand equals the sum of its ledger deltas.
CREATE TABLE inventory.ledger (
  entry_id bigserial PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES inventory.batches (batch_id),
  drug_id uuid NOT NULL,
  quantity_delta integer NOT NULL,
  reason text NOT NULL CHECK (reason IN ('received', 'dispensed', 'damaged', 'expired', 'returned', 'cycle_count', 'quarantine', 'release', 'recall')),
  actor text,
  source text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_batch ON inventory.ledger (batch_id, entry_id);

CREATE FUNCTION inventory.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the stock ledger is append-only';
END $$;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON inventory.ledger
  FOR EACH ROW EXECUTE FUNCTION inventory.refuse_ledger_change();

CREATE TABLE inventory.reservations (
  reservation_id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE,
  patient_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('held', 'released', 'committed')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz,
  release_reason text,
  committed_at timestamptz
);
CREATE INDEX reservations_held_expiry ON inventory.reservations (expires_at) WHERE status = 'held';

CREATE TABLE inventory.reservation_items (
  reservation_id uuid NOT NULL REFERENCES inventory.reservations (reservation_id),
  batch_id uuid NOT NULL REFERENCES inventory.batches (batch_id),
  drug_id uuid NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (reservation_id, batch_id)
);
