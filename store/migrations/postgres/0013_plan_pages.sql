-- The encoded pages of a plan's stored status (issue 13): the dashboard and
-- the tree as JSON, kept per plan with the status_version they were built
-- from. A reader serves one while its version is the plan's, with one
-- query and nothing evaluated; a change of the plan bumps status_version,
-- so a stale page is never served and the next reader builds it again.
-- Derived data: losing it costs a rebuild, never a wrong answer.
CREATE TABLE plan_pages (
    plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    page    TEXT NOT NULL,
    version BIGINT NOT NULL,
    body    BYTEA NOT NULL,
    PRIMARY KEY (plan_id, page)
);
