-- Status as stored state, maintained on write (issue 13): every field of an
-- indicator's evaluation the pages show, the inputs it was judged from (so
-- the daily job re-judges without reading reports), the next day it could
-- change without a report, and stored rollups per node and per unit. Every
-- key leads with plan_id so the tables can be distributed by plan.

ALTER TABLE indicator_status ADD COLUMN expected DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE indicator_status ADD COLUMN gap DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE indicator_status ADD COLUMN value DOUBLE PRECISION;
ALTER TABLE indicator_status ADD COLUMN period TEXT NOT NULL DEFAULT '';
ALTER TABLE indicator_status ADD COLUMN missing TEXT NOT NULL DEFAULT '';
ALTER TABLE indicator_status ADD COLUMN start_date DATE;
ALTER TABLE indicator_status ADD COLUMN deadline DATE;
ALTER TABLE indicator_status ADD COLUMN explanation_zh TEXT NOT NULL DEFAULT '';
ALTER TABLE indicator_status ADD COLUMN explanation_en TEXT NOT NULL DEFAULT '';
-- The inputs: the latest approved version of the latest approved period,
-- the periods with a submitted or approved report, and the start of the
-- earliest counted report period still after as_of (NULL for none).
ALTER TABLE indicator_status ADD COLUMN latest_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_status ADD COLUMN latest_milestones INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicator_status ADD COLUMN reported TEXT NOT NULL DEFAULT '[]';
ALTER TABLE indicator_status ADD COLUMN pending_from DATE;
-- NULL: the stored result never changes without a new report.
ALTER TABLE indicator_status ADD COLUMN next_change_on DATE;
CREATE INDEX indicator_status_next_change ON indicator_status (next_change_on);

-- status_as_of: the day the plan's stored state is evaluated as of (NULL:
-- not stored yet, readers evaluate). status_version: bumped in the same
-- transaction as every change of that state, so a server's cache checks it
-- with one primary-key read.
ALTER TABLE plans ADD COLUMN status_as_of DATE;
ALTER TABLE plans ADD COLUMN status_version BIGINT NOT NULL DEFAULT 0;

-- node_id 0 is the whole plan.
CREATE TABLE node_rollup (
    plan_id        BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    node_id        BIGINT NOT NULL,
    items          INTEGER NOT NULL,
    progress       DOUBLE PRECISION NOT NULL,
    expected       DOUBLE PRECISION NOT NULL,
    gap            DOUBLE PRECISION NOT NULL,
    worst          TEXT NOT NULL,
    worst_item     TEXT NOT NULL,
    n_overdue      INTEGER NOT NULL,
    n_lagging      INTEGER NOT NULL,
    n_not_reported INTEGER NOT NULL,
    n_warning      INTEGER NOT NULL,
    n_on_track     INTEGER NOT NULL,
    n_not_started  INTEGER NOT NULL,
    n_done         INTEGER NOT NULL,
    PRIMARY KEY (plan_id, node_id)
);

CREATE TABLE unit_rollup (
    plan_id        BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    unit_id        BIGINT NOT NULL REFERENCES units (id),
    items          INTEGER NOT NULL,
    progress       DOUBLE PRECISION NOT NULL,
    expected       DOUBLE PRECISION NOT NULL,
    gap            DOUBLE PRECISION NOT NULL,
    worst          TEXT NOT NULL,
    worst_item     TEXT NOT NULL,
    n_overdue      INTEGER NOT NULL,
    n_lagging      INTEGER NOT NULL,
    n_not_reported INTEGER NOT NULL,
    n_warning      INTEGER NOT NULL,
    n_on_track     INTEGER NOT NULL,
    n_not_started  INTEGER NOT NULL,
    n_done         INTEGER NOT NULL,
    PRIMARY KEY (plan_id, unit_id)
);
