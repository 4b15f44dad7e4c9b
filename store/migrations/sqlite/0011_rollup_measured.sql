-- How many items a stored rollup averages into its progress (rates and
-- levels are judged by their light only, never averaged): the headline
-- says it. Stored states were built by the older rule, so every plan is
-- judged whole again (a NULL status_as_of makes the next advance rebuild it
-- and readers evaluate it meanwhile).
ALTER TABLE node_rollup ADD COLUMN measured INTEGER NOT NULL DEFAULT 0;
ALTER TABLE unit_rollup ADD COLUMN measured INTEGER NOT NULL DEFAULT 0;
UPDATE plans SET status_as_of = NULL, status_version = status_version + 1;
