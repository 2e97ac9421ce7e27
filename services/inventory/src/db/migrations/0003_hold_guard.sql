-- The one-statement reservation (reservation.repository.ts holdInOneStatement) takes units with a
-- conditional UPDATE and must fail as a whole when any pick was refused. A data-modifying CTE cannot
-- roll itself back, so the statement asks this function, which raises (SQLSTATE IV001) to abort it.
CREATE FUNCTION inventory.require_all_held(held boolean) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF NOT held THEN
    RAISE EXCEPTION 'stock moved while reserving' USING ERRCODE = 'IV001';
  END IF;
  RETURN true;
END $$;
