-- Messages to an account of any role (a password reset goes to staff too): account_id, and patient_id
-- only when the message is about a patient's records. 'skipped_expired': the reset was used, replaced
-- or expired before it could be sent, so nothing was sent.
ALTER TABLE notifications.messages ALTER COLUMN patient_id DROP NOT NULL;
ALTER TABLE notifications.messages ADD COLUMN account_id uuid;
ALTER TABLE notifications.messages DROP CONSTRAINT messages_status_check;
ALTER TABLE notifications.messages ADD CONSTRAINT messages_status_check
  CHECK (status IN ('sent', 'skipped_no_consent', 'skipped_no_contact', 'skipped_expired'));
