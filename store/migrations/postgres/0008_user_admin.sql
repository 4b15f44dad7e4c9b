-- Accounts are disabled, never deleted: the audit log names them.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ;
