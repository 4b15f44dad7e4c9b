-- Batch ingest: every report row updates each index of reports, and on
-- SQLite that b-tree work is most of what a batch costs. Four secondary
-- indexes become one:
--
-- reports_plan_period: a plan's reports are read through its indicators
--   (indicators_plan_node, then the unique key, which leads with
--   indicator_id), one short range per indicator.
-- reports_workflow_version: SQLite has one writer at a time and the
--   workflow reads the highest version and inserts the next inside one
--   IMMEDIATE transaction, so two submitters cannot take the same number.
--   The unique key (indicator_id, period, unit_id, version) still holds.
-- reports_unit and reports_state: reports_list (state, unit_id, id) serves
--   the review queue (one state) and a unit's listing (one unit in each of
--   the four states). No unit is ever deleted, so the foreign key on
--   unit_id needs no index of its own.
DROP INDEX IF EXISTS reports_plan_period;
DROP INDEX IF EXISTS reports_workflow_version;
DROP INDEX IF EXISTS reports_unit;
DROP INDEX IF EXISTS reports_state;
CREATE INDEX reports_list ON reports (state, unit_id, id);
