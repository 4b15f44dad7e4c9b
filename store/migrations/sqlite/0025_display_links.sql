-- Read-only wall-screen (大屏) links: one plan's screen, revocable; only a
-- hash of the token is kept.
CREATE TABLE display_links (
    id         INTEGER PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    plan_id    INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    label      TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX display_links_plan ON display_links (plan_id);
