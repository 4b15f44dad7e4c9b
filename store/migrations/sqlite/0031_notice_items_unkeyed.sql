-- notice_items loses its foreign keys, as on PostgreSQL (see there): the
-- writer keeps them true, and removing an indicator from a plan removes
-- its items. SQLite drops a key by rebuilding the table.
CREATE TABLE notice_items_new (
    plan_id      INTEGER NOT NULL,
    notice_id    INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL,
    rule         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT '',
    is_open      BOOLEAN NOT NULL DEFAULT 1,
    PRIMARY KEY (plan_id, notice_id, indicator_id)
);
INSERT INTO notice_items_new (plan_id, notice_id, indicator_id, rule, status, is_open)
SELECT plan_id, notice_id, indicator_id, rule, status, is_open FROM notice_items;
DROP TABLE notice_items;
ALTER TABLE notice_items_new RENAME TO notice_items;
CREATE UNIQUE INDEX notice_items_open ON notice_items (plan_id, indicator_id, rule) WHERE is_open;
CREATE INDEX notice_items_notice ON notice_items (notice_id);
