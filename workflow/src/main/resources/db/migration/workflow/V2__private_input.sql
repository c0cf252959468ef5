-- A private form input (a repatriated amount) between the task that took it and the ledger step after it: kept
-- here, outside the engine, so that it never becomes a process variable or a line of Camunda's history.
CREATE TABLE private_input (
  step_key text NOT NULL,
  field text NOT NULL,
  value text NOT NULL,
  kept_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (step_key, field)
);
