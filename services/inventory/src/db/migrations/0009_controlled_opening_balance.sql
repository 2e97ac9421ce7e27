-- A controlled drug stocked before inventory learnt its schedule has no balance row yet: open it
-- at what its batches at the location hold now (which includes this row's change), not at 0.
CREATE OR REPLACE FUNCTION inventory.register_controlled() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  loc uuid;
  bal integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM inventory.drugs WHERE drug_id = NEW.drug_id AND dea_schedule IN ('CII', 'CIII', 'CIV', 'CV')) THEN
    RETURN NEW;
  END IF;
  SELECT location_id INTO loc FROM inventory.batches WHERE batch_id = NEW.batch_id;
  UPDATE inventory.controlled_balances SET balance = balance + NEW.quantity_delta, updated_at = now()
  WHERE drug_id = NEW.drug_id AND location_id = loc RETURNING balance INTO bal;
  IF NOT FOUND THEN
    SELECT COALESCE(sum(quantity_on_hand), 0)::int INTO bal FROM inventory.batches WHERE drug_id = NEW.drug_id AND location_id = loc;
    INSERT INTO inventory.controlled_balances (drug_id, location_id, balance) VALUES (NEW.drug_id, loc, bal)
    ON CONFLICT (drug_id, location_id) DO UPDATE SET balance = inventory.controlled_balances.balance + NEW.quantity_delta, updated_at = now()
    RETURNING balance INTO bal;
  END IF;
  INSERT INTO inventory.controlled_register (entry_id, drug_id, location_id, batch_id, quantity_delta, balance_after, reason, actor)
  VALUES (NEW.entry_id, NEW.drug_id, loc, NEW.batch_id, NEW.quantity_delta, bal, NEW.reason, NEW.actor);
  RETURN NEW;
END $$;
