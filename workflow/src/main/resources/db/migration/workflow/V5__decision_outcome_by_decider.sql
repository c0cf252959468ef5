-- A start form asks, after "Start", for the process its person just started (DecisionOutcomes.latestStart): their
-- newest decisions, found without reading every decision ever taken.
CREATE INDEX decision_outcome_by_decider ON decision_outcome (decided_by, decided_at);
