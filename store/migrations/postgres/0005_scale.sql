-- Scale: where a plan's district lies, and one status row per indicator so
-- the national rollup is a GROUP BY instead of evaluating every plan.

ALTER TABLE plans ADD COLUMN region_code TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN region_name TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN province TEXT NOT NULL DEFAULT '';

-- The status of each indicator as of a day, written by duban gen, by the
-- tracker after reports change and by duban rollup. province and area are
-- copied from the plan and the indicator's area node so the rollup needs
-- no join.
CREATE TABLE indicator_status (
    indicator_id BIGINT PRIMARY KEY REFERENCES indicators (id) ON DELETE CASCADE,
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    province     TEXT NOT NULL DEFAULT '',
    area         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    progress     DOUBLE PRECISION NOT NULL DEFAULT 0,
    as_of        DATE NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX indicator_status_plan ON indicator_status (plan_id);
CREATE INDEX indicator_status_province ON indicator_status (province, status);
CREATE INDEX indicator_status_area ON indicator_status (area, status);

-- reports_plan_period (plan_id, period_start) serves every lookup by plan;
-- the single-column index only slowed inserts.
DROP INDEX IF EXISTS reports_plan;
