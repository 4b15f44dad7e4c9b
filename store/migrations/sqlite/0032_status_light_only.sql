-- A stored status keeps its light, the inputs it was judged from and the
-- day the light next flips (issue 13). 序时进度, the gap and the
-- explanation move every day; they are derived on read from the inputs and
-- the day, so storing them made the daily move rewrite every row.
-- indicator_status.as_of is now the day a row was last judged; the day a
-- plan's state stands as of is plans.status_as_of.

ALTER TABLE indicator_status DROP COLUMN expected;
ALTER TABLE indicator_status DROP COLUMN gap;
ALTER TABLE indicator_status DROP COLUMN explanation_zh;
ALTER TABLE indicator_status DROP COLUMN explanation_en;
ALTER TABLE node_rollup DROP COLUMN expected;
ALTER TABLE node_rollup DROP COLUMN gap;
ALTER TABLE unit_rollup DROP COLUMN expected;
ALTER TABLE unit_rollup DROP COLUMN gap;

-- The daily move reads each plan's rows due by the day: one range of this
-- index a plan. It also serves every read by plan.
CREATE INDEX indicator_status_plan_next ON indicator_status (plan_id, next_change_on);
DROP INDEX indicator_status_plan;
