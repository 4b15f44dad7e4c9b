-- Idempotent uploads (issue 17): one receipt per user and upload key (the
-- client's Idempotency-Key or a digest of the file or batch), written in
-- the transaction of the reports it lists, so a repeat answers with them.
CREATE TABLE upload_receipts (
    id          INTEGER PRIMARY KEY,
    username    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    upload_key  TEXT NOT NULL,
    report_ids  TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    UNIQUE (username, kind, upload_key)
);
