-- The items a rule-issued notice lists, one row each: a notice per unit and
-- round lists many, a notice per item one. An item stands at most once
-- under each rule in the open notices (notice_items_open): the last guard
-- against two servers issuing the same notice; the writer takes a conflict
-- as "already issued". is_open turns false when the notice is closed.
-- plan_id leads the keys so the table can be distributed by plan; it has
-- no foreign key of its own: the indicator's implies it, and every key
-- checked costs a lookup per row written.
CREATE TABLE notice_items (
    plan_id      INTEGER NOT NULL,
    notice_id    INTEGER NOT NULL REFERENCES notices (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    rule         TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT '',
    is_open      BOOLEAN NOT NULL DEFAULT 1,
    PRIMARY KEY (plan_id, notice_id, indicator_id)
);
CREATE UNIQUE INDEX notice_items_open ON notice_items (plan_id, indicator_id, rule) WHERE is_open;
CREATE INDEX notice_items_notice ON notice_items (notice_id);

-- Notices the rules issued before, one item each.
INSERT INTO notice_items (plan_id, notice_id, indicator_id, rule, status, is_open)
SELECT plan_id, id, indicator_id, trigger_kind, '', state <> 'closed' FROM notices
WHERE indicator_id IS NOT NULL AND trigger_kind IN ('lagging', 'overdue', 'missing')
ORDER BY id
ON CONFLICT DO NOTHING;
