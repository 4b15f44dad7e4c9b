-- The audit log is read by who did it and by when, as well as by entity:
-- "what did 住建局's reporter change last week".
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_at ON audit_log (at);
