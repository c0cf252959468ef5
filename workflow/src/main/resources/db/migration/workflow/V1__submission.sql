-- The submissions as the code created them before migrations; idempotent, so V1 also runs over a database that code made.
CREATE TABLE IF NOT EXISTS submission (export_id text PRIMARY KEY, username text NOT NULL,
  fingerprint text NOT NULL, filed_at timestamptz NOT NULL DEFAULT now());
