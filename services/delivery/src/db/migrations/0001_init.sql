-- Delivery: ZIP centroids (offline geocoding), drivers of our fleet, shipments and their tracking.

-- ZIP → centroid, loaded on start from services/delivery/data/zip-centroids.csv.gz when empty.
CREATE TABLE delivery.zip_centroids (
  postal_code text PRIMARY KEY CHECK (postal_code ~ '^[0-9]{5}$'),
  location geography(Point, 4326) NOT NULL
);

-- Drivers of the Apotheca fleet; driver_id is the account id that the account-created event of identity carries.
CREATE TABLE delivery.drivers (
  driver_id uuid PRIMARY KEY,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'off_duty')),
  current_location geography(Point, 4326),
  location_updated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drivers_available_location ON delivery.drivers USING gist (current_location) WHERE status = 'available';

CREATE TABLE delivery.shipments (
  shipment_id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE,
  patient_id uuid NOT NULL,
  carrier text NOT NULL,
  tracking_number text NOT NULL UNIQUE,
  driver_id uuid REFERENCES delivery.drivers (driver_id),
  status text NOT NULL CHECK (status IN ('label_created', 'assigned', 'in_transit', 'out_for_delivery', 'delivered', 'failed_attempt', 'returned')),
  -- When the current status happened (by the reporter's clock): older reports never move it back.
  status_occurred_at timestamptz NOT NULL,
  -- ZIP-level only (a centroid, never the street address, which stays with identity).
  destination geography(Point, 4326),
  postal_code text,
  estimated_delivery_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX shipments_open_by_driver ON delivery.shipments (driver_id) WHERE status NOT IN ('delivered', 'returned');
CREATE INDEX shipments_by_patient ON delivery.shipments (patient_id);

-- Every status report, applied or not (a late report is kept for the record but changes nothing).
CREATE TABLE delivery.shipment_events (
  seq bigserial PRIMARY KEY,
  shipment_id uuid NOT NULL REFERENCES delivery.shipments (shipment_id),
  status text NOT NULL,
  location geography(Point, 4326),
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- recipient_name and references to a signature or photo; nothing else about the patient.
  proof jsonb,
  source text NOT NULL CHECK (source IN ('system', 'driver', 'carrier', 'staff')),
  actor_id text,
  applied boolean NOT NULL
);
CREATE INDEX shipment_events_by_shipment ON delivery.shipment_events (shipment_id, occurred_at);

-- Signed carrier calls, processed once per (carrier, message_id); a repeat gets the first answer.
CREATE TABLE delivery.carrier_messages (
  carrier text NOT NULL,
  message_id text NOT NULL,
  shipment_id uuid NOT NULL,
  request_hash text NOT NULL,
  response jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (carrier, message_id)
);
