package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// EscalateOverdue raises every open notice of the plan (every plan when
// planID is 0) whose reply is overdue on today one level, with a new reply
// deadline, in one transaction: each with its event, audit entry and
// outbox message. Notices at the top level (约谈) stay as they are. It
// returns the escalated notices.
func (db *DB) EscalateOverdue(ctx context.Context, actor *duban.User, planID int64, today duban.Date) ([]duban.Notice, error) {
	if !supervises(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以升级督办单 (only administrators and supervisors escalate notices)")
	}
	escalated := []duban.Notice{}
	err := db.write(ctx, func(t *tx) error {
		due, err := t.overdueNotices(ctx, planID, today)
		if err != nil {
			return err
		}
		for _, before := range due {
			n := before
			if !n.EscalateOverdue(today) {
				continue
			}
			if err := t.saveEscalation(ctx, actor.Username, &before, &n); err != nil {
				return err
			}
			escalated = append(escalated, n)
		}
		return nil
	})
	if err != nil {
		return nil, wrap(err, "escalate overdue notices")
	}
	return escalated, nil
}

// overdueNotices reads, locking them on PostgreSQL, the notices awaiting a
// reply whose deadline is before today, oldest first.
func (t *tx) overdueNotices(ctx context.Context, planID int64, today duban.Date) ([]duban.Notice, error) {
	where := "WHERE n.state IN (?, ?) AND n.reply_due < ? AND n.level < ?"
	args := []any{string(duban.NoticeIssued), string(duban.NoticeSigned), dateArg(today), int(duban.LevelInterview)}
	if planID != 0 {
		where += " AND n.plan_id = ?"
		args = append(args, planID)
	}
	var list []duban.Notice
	err := t.eachRow(ctx, noticeFields+noticeFrom+where+" ORDER BY n.id"+t.lockRows("n"), args,
		func(rows *sql.Rows) error {
			n, err := scanNotice(rows)
			list = append(list, n)
			return err
		})
	return list, err
}

func (t *tx) saveEscalation(ctx context.Context, actor string, before, n *duban.Notice) error {
	n.UpdatedAt = t.now
	_, err := t.exec(ctx, "UPDATE notices SET level = ?, state = ?, reply_due = ?, updated_at = ? WHERE id = ?",
		int(n.Level), string(n.State), dateArg(n.ReplyDue), t.now, n.ID)
	if err != nil {
		return err
	}
	return t.recordNotice(ctx, actor, string(duban.ActEscalate), before, n, duban.EscalationNote)
}
