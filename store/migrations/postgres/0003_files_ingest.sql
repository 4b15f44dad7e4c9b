-- Uploaded files. The bytes live on disk under the data directory, named by
-- id, the hex SHA-256 of the content; this table keeps what the upload said
-- of them. The same content uploaded again keeps its first row.
CREATE TABLE files (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  TIMESTAMP NOT NULL
);

-- Every report insert updates each index of reports; reports_plan_period
-- (plan_id, period_start) already serves lookups by plan, so the plan-only
-- index goes, making batch ingest cheaper.
DROP INDEX reports_plan;
