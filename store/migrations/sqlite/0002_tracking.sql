-- Review workflow, supervision notices, sessions and the webhook outbox.

-- period_start is the first day of the report's period, filled for reports
-- submitted through the review workflow; older rows leave it NULL and
-- readers compute it from the indicator's cadence.
ALTER TABLE reports ADD COLUMN period_start DATE;
-- The workflow numbers versions per indicator and period whatever the unit;
-- this keeps two concurrent submitters from taking the same number.
CREATE UNIQUE INDEX reports_workflow_version ON reports (indicator_id, period, version)
    WHERE period_start IS NOT NULL;
CREATE INDEX reports_plan_period ON reports (plan_id, period_start);
CREATE INDEX reports_state ON reports (state, id);

-- Files attached to a report; the web layer keeps the files themselves.
CREATE TABLE report_attachments (
    report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_id      TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    size         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (report_id, position)
);
CREATE INDEX report_attachments_file ON report_attachments (file_id);

-- Supervision notices (督办单), numbered per plan and year of issue.
CREATE TABLE notices (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans (id),
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    node_id      INTEGER NOT NULL REFERENCES nodes (id),
    indicator_id INTEGER REFERENCES indicators (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    trigger_kind TEXT NOT NULL,
    level        INTEGER NOT NULL,
    state        TEXT NOT NULL,
    issue        TEXT NOT NULL,
    action       TEXT NOT NULL,
    reply_due    DATE NOT NULL,
    reply        TEXT NOT NULL DEFAULT '',
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    UNIQUE (plan_id, year, seq)
);
CREATE INDEX notices_node ON notices (node_id);
CREATE INDEX notices_indicator ON notices (indicator_id);
CREATE INDEX notices_unit ON notices (unit_id, state);
CREATE INDEX notices_plan_state ON notices (plan_id, state);

CREATE TABLE notice_events (
    id         INTEGER PRIMARY KEY,
    notice_id  INTEGER NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    at         TIMESTAMP NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state   TEXT NOT NULL,
    level      INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notice_events_notice ON notice_events (notice_id, id);

-- API sessions; only a hash of the token is kept.
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE webhooks (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL,
    url    TEXT NOT NULL,
    secret TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);

-- One row per message and webhook, written in the transaction of the change
-- it announces. next_attempt NULL means delivered or given up.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    webhook_id   INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    message      TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt TIMESTAMP,
    delivered_at TIMESTAMP,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt);
CREATE INDEX outbox_webhook ON outbox (webhook_id);

CREATE TABLE deliveries (
    id         INTEGER PRIMARY KEY,
    outbox_id  INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    attempt    INTEGER NOT NULL,
    at         TIMESTAMP NOT NULL,
    status     INTEGER NOT NULL DEFAULT 0,
    error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX deliveries_outbox ON deliveries (outbox_id, id);
CREATE INDEX deliveries_webhook ON deliveries (webhook_id);

