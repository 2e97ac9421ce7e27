-- Controlled substances (DEA schedule II-V, as the catalog says when inventory first learns of the
-- drug): a perpetual inventory. Every ledger row of such a drug gets a register row with the
-- running balance of the drug at the batch's location, written by the database in the ledger
-- row's own transaction, so no code path can forget it. The balance row is updated in place, so
-- its row lock orders concurrent writers and each balance_after is exact.
CREATE TABLE inventory.controlled_balances (
  drug_id uuid NOT NULL,
  location_id uuid NOT NULL REFERENCES inventory.locations (location_id),
  -- No CHECK here: INSERT … ON CONFLICT checks the proposed row (a removal's negative delta) before
  -- it finds the existing one. The register's balance_after >= 0 guards the balance instead.
  balance integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (drug_id, location_id)
);

CREATE TABLE inventory.controlled_register (
  entry_id bigint PRIMARY KEY REFERENCES inventory.ledger (entry_id),
  drug_id uuid NOT NULL,
  location_id uuid NOT NULL,
  batch_id uuid NOT NULL,
  quantity_delta integer NOT NULL,
  balance_after integer NOT NULL CHECK (balance_after >= 0),
  reason text NOT NULL,
  actor text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX controlled_register_drug ON inventory.controlled_register (drug_id, location_id, entry_id);
CREATE TRIGGER controlled_register_append_only BEFORE UPDATE OR DELETE ON inventory.controlled_register
  FOR EACH ROW EXECUTE FUNCTION inventory.refuse_ledger_change();

CREATE FUNCTION inventory.register_controlled() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  loc uuid;
  bal integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM inventory.drugs WHERE drug_id = NEW.drug_id AND dea_schedule IN ('CII', 'CIII', 'CIV', 'CV')) THEN
    RETURN NEW;
  END IF;
  SELECT location_id INTO loc FROM inventory.batches WHERE batch_id = NEW.batch_id;
  INSERT INTO inventory.controlled_balances AS c (drug_id, location_id, balance) VALUES (NEW.drug_id, loc, NEW.quantity_delta)
  ON CONFLICT (drug_id, location_id) DO UPDATE SET balance = c.balance + EXCLUDED.balance, updated_at = now()
  RETURNING balance INTO bal;
  INSERT INTO inventory.controlled_register (entry_id, drug_id, location_id, batch_id, quantity_delta, balance_after, reason, actor)
  VALUES (NEW.entry_id, NEW.drug_id, loc, NEW.batch_id, NEW.quantity_delta, bal, NEW.reason, NEW.actor);
  RETURN NEW;
END $$;
CREATE TRIGGER ledger_controlled_register AFTER INSERT ON inventory.ledger
  FOR EACH ROW EXECUTE FUNCTION inventory.register_controlled();

-- A count of a controlled drug waits for a second person: requested by one staff member, applied
-- when another confirms it.
CREATE TABLE inventory.pending_adjustments (
  adjustment_id uuid PRIMARY KEY,
  drug_id uuid NOT NULL,
  body jsonb NOT NULL,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL CHECK (status IN ('pending', 'confirmed')),
  confirmed_by text,
  confirmed_at timestamptz,
  CHECK (confirmed_by IS NULL OR confirmed_by <> requested_by)
);
