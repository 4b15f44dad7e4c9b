-- Bulletins (通报): a plan's optional schedule, and every bulletin issued.

-- The plan's bulletin schedule as JSON ({"cadence","day","prefix","issuer"});
-- NULL when the plan sets none.
ALTER TABLE plans ADD COLUMN bulletin_schedule TEXT;

-- One bulletin per plan and period, numbered per plan and year of its as-of
-- date. data is the JSON the bulletin was built from: every format is
-- rendered from it, and the next bulletin compares with it.
CREATE TABLE bulletins (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    period     TEXT NOT NULL,
    as_of      DATE NOT NULL,
    title      TEXT NOT NULL,
    data       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (plan_id, year, seq),
    UNIQUE (plan_id, period)
);
