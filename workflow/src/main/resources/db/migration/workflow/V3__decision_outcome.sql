-- What became of a person's decision in a task: the ledger step after the task committed it (with the transaction)
-- or the ledger refused it (with the reason, and the task that came back to them). Written where the engine settles
-- each, in the same transaction; read by the task form after "Complete", only by the person who decided.
CREATE TABLE decision_outcome (
  task_id text PRIMARY KEY,
  process_instance_id text NOT NULL,
  task_definition_key text NOT NULL,
  task_name text,
  decided_by text NOT NULL,
  steps text NOT NULL,
  state text NOT NULL DEFAULT 'PENDING',
  transaction_id text,
  export_status text,
  reason text,
  returned_task_id text,
  decided_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz
);
CREATE INDEX decision_outcome_by_instance ON decision_outcome (process_instance_id, decided_at);
CREATE INDEX decision_outcome_by_returned_task ON decision_outcome (returned_task_id);
