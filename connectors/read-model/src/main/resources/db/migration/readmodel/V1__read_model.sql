-- The read model as the code created it before migrations, so that V1 also runs over a database that code made:
-- every statement is idempotent (the two ALTERs bring tables from before stage_after and ledger_time up to date).
CREATE TABLE IF NOT EXISTS export_view (
  export_id        text PRIMARY KEY,
  exporter_id      text NOT NULL,
  status           text NOT NULL,
  stage            text,
  shipment_due     date,
  repatriation_due date,
  returned_from    text,
  amendment_rounds int NOT NULL,
  destination      text,
  grade            text,
  quantity_kg      numeric,
  decisions        int NOT NULL,
  events_applied   int NOT NULL,
  facts            jsonb NOT NULL,
  created_at       timestamptz,
  updated_at       timestamptz,
  block_number     bigint NOT NULL,
  transaction_id   text NOT NULL);
CREATE INDEX IF NOT EXISTS export_view_status ON export_view (status);
CREATE INDEX IF NOT EXISTS export_view_exporter ON export_view (exporter_id);
CREATE INDEX IF NOT EXISTS export_view_stage ON export_view (stage);
CREATE INDEX IF NOT EXISTS export_view_shipment_due ON export_view (shipment_due);
CREATE INDEX IF NOT EXISTS export_view_repatriation_due ON export_view (repatriation_due);
CREATE TABLE IF NOT EXISTS export_event (
  transaction_id text PRIMARY KEY,
  block_number   bigint NOT NULL,
  event_name     text NOT NULL,
  export_id      text,
  status_after   text,
  stage_after    text,
  ledger_time    timestamptz,
  applied_at     timestamptz NOT NULL DEFAULT now());
ALTER TABLE export_event ADD COLUMN IF NOT EXISTS stage_after text;
ALTER TABLE export_event ADD COLUMN IF NOT EXISTS ledger_time timestamptz;
CREATE INDEX IF NOT EXISTS export_event_export ON export_event (export_id, block_number);
CREATE TABLE IF NOT EXISTS document_view (
  export_id      text NOT NULL,
  document_type  text NOT NULL,
  cid            text NOT NULL,
  sha256         text NOT NULL,
  size_bytes     bigint,
  transaction_id text NOT NULL,
  PRIMARY KEY (export_id, document_type, cid));
CREATE TABLE IF NOT EXISTS ledger_checkpoint (
  listener       text PRIMARY KEY,
  block_number   bigint NOT NULL,
  transaction_id text);
