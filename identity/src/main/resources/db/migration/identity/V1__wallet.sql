-- The wallet as the code created it before migrations; idempotent, so V1 also runs over a database that code made.
CREATE TABLE IF NOT EXISTS fabric_identity (
  user_id        text PRIMARY KEY,
  username       text NOT NULL,
  org            text NOT NULL,
  msp_id         text NOT NULL,
  enrollment_id  text NOT NULL,
  role           text NOT NULL,
  certificate    text NOT NULL,
  sealed_key     bytea NOT NULL,
  kek_id         text NOT NULL,
  active         boolean NOT NULL,
  enrolled_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz,
  UNIQUE (msp_id, enrollment_id));
