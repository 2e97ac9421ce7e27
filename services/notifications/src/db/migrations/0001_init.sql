-- What was sent to whom and why: ids only; the address is looked up at send time, never stored.
CREATE TABLE notifications.messages (
  notification_id uuid PRIMARY KEY,
  event_id uuid NOT NULL,
  template text NOT NULL,
  patient_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  status text NOT NULL CHECK (status IN ('sent', 'skipped_no_consent', 'skipped_no_contact')),
  provider_message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, channel)
);
CREATE INDEX messages_patient ON notifications.messages (patient_id, created_at);
