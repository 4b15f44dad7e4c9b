-- A receipt keeps the digest of the content it was written for, so a client
-- key sent again with other content is refused instead of answered as a
-- replay (issue 17). Receipts from before have none and replay as before.
ALTER TABLE upload_receipts ADD COLUMN body_digest TEXT NOT NULL DEFAULT '';
