-- Each notice event keeps the reply deadline it left, so a notice's state
-- on any past day (for a bulletin built later) can be replayed from its
-- events. Older events take it from the audit entry written with them,
-- which holds the whole notice after the step, else from the notice.
ALTER TABLE notice_events ADD COLUMN reply_due DATE;
UPDATE notice_events e SET reply_due = COALESCE(
    (SELECT (a.after_json ->> 'reply_due')::date FROM audit_log a
     WHERE a.entity = 'notice' AND a.entity_id = e.notice_id
       AND a.action = 'notice.' || e.action AND a.at = e.at
     ORDER BY a.id LIMIT 1),
    (SELECT n.reply_due FROM notices n WHERE n.id = e.notice_id));
