-- The keys the platform seals data with (the wallet's key-encryption key, the documents key), by the id of the key in
-- force when each was first used: an application started with another key file refuses to start instead of sealing
-- new data under a key that cannot open the old. Each fabric_identity row names its own key already (kek_id).
CREATE TABLE IF NOT EXISTS sealing_key (
  name         text PRIMARY KEY,
  key_id       text NOT NULL,
  first_used   timestamptz NOT NULL DEFAULT now());
