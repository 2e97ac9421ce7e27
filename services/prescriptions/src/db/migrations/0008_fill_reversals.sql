-- A fill is reversed when its order is cancelled before it reached the patient: the row stays (what
-- happened is kept), the prescription's counters no longer count it. Fill numbers keep rising.
ALTER TABLE prescriptions.fills ADD COLUMN reversed_at timestamptz;
ALTER TABLE prescriptions.fills ADD COLUMN reversal_reason text;
CREATE INDEX fills_order ON prescriptions.fills (order_id);
