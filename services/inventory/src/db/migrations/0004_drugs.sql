-- What inventory has learnt of each drug from the catalog (once, on its first adjustment): that it
-- exists, and its DEA schedule (controlled substances keep a perpetual inventory). Later
-- adjustments need no catalog call, so a busy or restarting catalog does not stop the stock room.
CREATE TABLE inventory.drugs (
  drug_id uuid PRIMARY KEY,
  dea_schedule text,
  learned_at timestamptz NOT NULL DEFAULT now()
);
