-- Exporters' licence applications as the submission API started them: who applied (the exporter id from their
-- certificate, and the person), so that the registration process's steps take the exporter from here, never from a
-- variable. The ledger holds the application itself.
CREATE TABLE licence_application (
  application_id text PRIMARY KEY,
  exporter_id text NOT NULL,
  username text NOT NULL,
  kind text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX licence_application_exporter ON licence_application (exporter_id);
-- What the licence's watch told an exporter (a renewal reminder, a lapsed licence): shown in their own view. One of
-- each kind per application, so a watch step run again adds nothing.
CREATE TABLE exporter_notice (
  application_id text NOT NULL,
  kind text NOT NULL,
  exporter_id text NOT NULL,
  message text NOT NULL,
  posted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, kind)
);
CREATE INDEX exporter_notice_exporter ON exporter_notice (exporter_id, posted_at DESC);
