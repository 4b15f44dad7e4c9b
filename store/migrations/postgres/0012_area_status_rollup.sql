-- The national rollup sums stored per-plan rows instead of grouping every
-- indicator's status (issue 13): per plan, area (the area node's title, as
-- indicator_status.area holds it) and status, how many items and the sum of
-- their progress. Written with the plan's stored state in the same
-- transaction; it holds that state whenever plans.status_as_of is set
-- (plans not stored yet are counted from indicator_status). The key leads
-- with plan_id so the table can be distributed by plan.
CREATE TABLE area_status_rollup (
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    area         TEXT NOT NULL,
    status       TEXT NOT NULL,
    items        INTEGER NOT NULL,
    progress_sum DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (plan_id, area, status)
);

INSERT INTO area_status_rollup (plan_id, area, status, items, progress_sum)
SELECT s.plan_id, s.area, s.status, COUNT(*), SUM(s.progress)
FROM indicator_status s JOIN plans p ON p.id = s.plan_id
WHERE p.status_as_of IS NOT NULL
GROUP BY s.plan_id, s.area, s.status;
