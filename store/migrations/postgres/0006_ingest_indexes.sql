-- The SQLite migration of this number drops three indexes of reports to
-- make batch ingest cheaper. PostgreSQL keeps them: concurrent writers
-- need reports_workflow_version there, and its ingest goes through COPY.
SELECT 1;
