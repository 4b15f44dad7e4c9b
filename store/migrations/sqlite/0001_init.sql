-- duban schema for SQLite. Ids are 64-bit INTEGER PRIMARY KEY (rowid).
-- Lists whose order matters and that nothing queries by element are JSON
-- text; links to other records are tables with a position column.

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES units (id),
    phone      TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE people (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    title   TEXT NOT NULL DEFAULT '',
    unit_id INTEGER NOT NULL REFERENCES units (id),
    role    TEXT NOT NULL,
    phone   TEXT NOT NULL DEFAULT '',
    email   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_unit ON people (unit_id);

CREATE TABLE mechanisms (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    roles       TEXT NOT NULL DEFAULT '[]',
    cadence     TEXT NOT NULL DEFAULT '',
    checklist   TEXT NOT NULL DEFAULT '[]',
    stages      TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    issuer       TEXT NOT NULL DEFAULT '',
    year         INTEGER NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    framework    TEXT NOT NULL DEFAULT '[]',
    public       INTEGER NOT NULL DEFAULT 0,
    description  TEXT NOT NULL DEFAULT '',
    profile      TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX plans_public_year ON plans (public, year);

-- The units, people and mechanisms a plan's document lists, in its order.
CREATE TABLE plan_units (
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    unit_id  INTEGER NOT NULL REFERENCES units (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, unit_id)
);
CREATE INDEX plan_units_unit ON plan_units (unit_id);

CREATE TABLE plan_people (
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (plan_id, person_id)
);
CREATE INDEX plan_people_person ON plan_people (person_id);

CREATE TABLE plan_mechanisms (
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    mechanism_id INTEGER NOT NULL REFERENCES mechanisms (id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (plan_id, mechanism_id)
);
CREATE INDEX plan_mechanisms_mechanism ON plan_mechanisms (mechanism_id);

-- seq is the node's position in the imported document; tree_pos its
-- pre-order position with siblings sorted by sort_order (Node.Order).
CREATE TABLE nodes (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    parent_id    INTEGER REFERENCES nodes (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    sort_order   INTEGER NOT NULL DEFAULT 0,
    seq          INTEGER NOT NULL,
    tree_pos     INTEGER NOT NULL,
    lead_unit_id INTEGER REFERENCES units (id),
    leader_id    INTEGER REFERENCES people (id),
    start_date   DATE,
    deadline     DATE,
    commitment   TEXT NOT NULL DEFAULT '',
    weight       REAL NOT NULL DEFAULT 0,
    source_quote TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '[]',
    updated_at   TIMESTAMP NOT NULL,
    UNIQUE (plan_id, code)
);
CREATE INDEX nodes_plan_parent ON nodes (plan_id, parent_id, sort_order);
CREATE INDEX nodes_plan_tree ON nodes (plan_id, tree_pos);
CREATE INDEX nodes_parent ON nodes (parent_id);
CREATE INDEX nodes_lead_unit ON nodes (lead_unit_id);
CREATE INDEX nodes_leader ON nodes (leader_id);

CREATE TABLE node_co_units (
    node_id  INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    unit_id  INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (node_id, position)
);
CREATE INDEX node_co_units_unit ON node_co_units (unit_id);

CREATE TABLE node_mechanisms (
    node_id      INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    mechanism_id INTEGER NOT NULL REFERENCES mechanisms (id),
    PRIMARY KEY (node_id, position)
);
CREATE INDEX node_mechanisms_mechanism ON node_mechanisms (mechanism_id);

CREATE TABLE projects (
    node_id              INTEGER PRIMARY KEY REFERENCES nodes (id) ON DELETE CASCADE,
    total_investment     REAL NOT NULL DEFAULT 0,
    year_investment      REAL NOT NULL DEFAULT 0,
    completed_investment REAL NOT NULL DEFAULT 0,
    stage                TEXT NOT NULL DEFAULT '',
    address              TEXT NOT NULL DEFAULT '',
    lat                  REAL,
    lng                  REAL
);

CREATE TABLE indicators (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    node_id    INTEGER NOT NULL REFERENCES nodes (id),
    code       TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    unit       TEXT NOT NULL DEFAULT '',
    baseline   REAL,
    target     REAL,
    comparator TEXT NOT NULL DEFAULT '',
    tolerance  REAL NOT NULL DEFAULT 0,
    direction  TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    cadence    TEXT NOT NULL,
    milestones TEXT NOT NULL DEFAULT '[]',
    UNIQUE (plan_id, code),
    UNIQUE (plan_id, id)
);
CREATE INDEX indicators_plan_node ON indicators (plan_id, node_id, seq);
CREATE INDEX indicators_node ON indicators (node_id);

-- One row per report version; the unique key's leading columns serve
-- lookups by indicator and period. One composite foreign key both checks
-- the indicator and keeps plan_id equal to the indicator's plan.
CREATE TABLE reports (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL,
    indicator_id    INTEGER NOT NULL,
    period          TEXT NOT NULL,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    version         INTEGER NOT NULL,
    value           REAL,
    note            TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL,
    investment      REAL,
    stage           TEXT NOT NULL DEFAULT '',
    return_reason   TEXT NOT NULL DEFAULT '',
    submitted_by    TEXT NOT NULL DEFAULT '',
    submitted_at    TIMESTAMP NOT NULL,
    reviewed_by     TEXT NOT NULL DEFAULT '',
    reviewed_at     TIMESTAMP,
    milestones_done INTEGER NOT NULL DEFAULT 0,
    UNIQUE (indicator_id, period, unit_id, version),
    FOREIGN KEY (plan_id, indicator_id) REFERENCES indicators (plan_id, id)
);
CREATE INDEX reports_plan ON reports (plan_id);
CREATE INDEX reports_unit ON reports (unit_id);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL,
    unit_id       INTEGER REFERENCES units (id),
    password_hash TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX users_unit ON users (unit_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TIMESTAMP NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
