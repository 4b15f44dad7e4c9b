-- notice_items loses its foreign keys: the notice rules write tens of
-- thousands of items a round, and each key cost a lookup and a row lock
-- per item (the indicator's FOR KEY SHARE, the notice's at commit), most of
-- a round's time on the national dataset. The writer keeps them true: an
-- item is claimed from a stored indicator under a notice written in the
-- same transaction, and removing an indicator from a plan removes its
-- items (store/plan_import_nodes.go). Notices are never deleted.
ALTER TABLE notice_items
    DROP CONSTRAINT IF EXISTS notice_items_notice_id_fkey,
    DROP CONSTRAINT IF EXISTS notice_items_indicator_id_fkey;
