-- Major projects that run (issue 16): dated project steps (pipeline stages
-- and 前期手续), a plan's list of 前期手续, the problem ledger (问题清单) and
-- the decisions of dispatch meetings (调度会).

-- A plan's 前期手续 in order; none means duban.DefaultPrepSteps.
CREATE TABLE plan_prep_steps (
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
);

-- kind is stage (name is the stage code) or prep (name is the formality).
CREATE TABLE project_steps (
    node_id    INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    planned    DATE,
    actual     DATE,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (node_id, kind, name)
);

CREATE TABLE problems (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    node_id         INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    category        TEXT NOT NULL,
    title           TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    needs_unit_id   INTEGER REFERENCES units (id),
    needs_leader_id INTEGER REFERENCES people (id),
    deadline        DATE NOT NULL,
    state           TEXT NOT NULL,
    level           INTEGER NOT NULL DEFAULT 0,
    answer          TEXT NOT NULL DEFAULT '',
    raised_by       TEXT NOT NULL,
    raised_at       TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX problems_plan_state ON problems (plan_id, state);
CREATE INDEX problems_node ON problems (node_id);
CREATE INDEX problems_unit ON problems (unit_id);
CREATE INDEX problems_needs_unit ON problems (needs_unit_id);

CREATE TABLE dispatch_decisions (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    mechanism_id  INTEGER REFERENCES mechanisms (id),
    period        TEXT NOT NULL,
    node_id       INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    problem_id    INTEGER REFERENCES problems (id) ON DELETE SET NULL,
    text          TEXT NOT NULL,
    owner_unit_id INTEGER NOT NULL REFERENCES units (id),
    due           DATE NOT NULL,
    state         TEXT NOT NULL,
    result        TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    done_at       TIMESTAMP
);
CREATE INDEX dispatch_decisions_plan ON dispatch_decisions (plan_id, state);
CREATE INDEX dispatch_decisions_node ON dispatch_decisions (node_id);
