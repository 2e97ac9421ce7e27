-- The local gateway keeps the order an intent was created for, as Stripe keeps it in the intent's
-- metadata, and sends it in its webhooks: a webhook that arrives before checkout records the intent
-- is still known for ours.
ALTER TABLE orders.local_payment_intents ADD COLUMN order_id uuid;
