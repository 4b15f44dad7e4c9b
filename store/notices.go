package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/duban-dev/duban"
)

const (
	noticeFields = `SELECT n.id, n.plan_id, n.year, n.seq, n.node_id, COALESCE(n.indicator_id, 0), u.code,
	n.trigger_kind, n.level, n.state, n.issue, n.action, n.reply_due, n.reply, n.created_by, n.created_at, n.updated_at`
	noticeFrom = " FROM notices n JOIN units u ON u.id = n.unit_id "
)

func scanNotice(s scanner) (duban.Notice, error) {
	var n duban.Notice
	err := s.Scan(&n.ID, &n.PlanID, &n.Year, &n.Seq, &n.NodeID, &n.IndicatorID, &n.UnitCode, &n.Trigger, &n.Level,
		&n.State, &n.Issue, &n.Action, dateCol{&n.ReplyDue}, &n.Reply, &n.CreatedBy, timeCol{&n.CreatedAt},
		timeCol{&n.UpdatedAt})
	return n, err
}

// FindNotice returns a notice, ENOTFOUND if there is none.
func (db *DB) FindNotice(ctx context.Context, id int64) (*duban.Notice, error) {
	var n duban.Notice
	err := db.read(ctx, func(t *tx) error {
		var err error
		n, err = t.findNotice(ctx, id, "")
		return err
	})
	if err != nil {
		return nil, wrap(err, "find notice %d", id)
	}
	return &n, nil
}

func (t *tx) findNotice(ctx context.Context, id int64, lock string) (duban.Notice, error) {
	n, err := scanNotice(t.queryRow(ctx, noticeFields+noticeFrom+"WHERE n.id = ?"+lock, id))
	if isNoRows(err) {
		return n, duban.Errorf(duban.ENOTFOUND, "督办单不存在 (notice not found): %d", id)
	}
	return n, err
}

// ListNotices lists notices, newest first, with the total that match.
func (db *DB) ListNotices(ctx context.Context, f duban.NoticeFilter) ([]duban.Notice, int, error) {
	page := f.Page.Normalize()
	where, args := noticeWhere(f)
	list := []duban.Notice{}
	var total int
	err := db.readLag(ctx, func(t *tx) error {
		if err := t.queryRow(ctx, "SELECT COUNT(*)"+noticeFrom+where, args...).Scan(&total); err != nil {
			return err
		}
		return t.eachRow(ctx, noticeFields+noticeFrom+where+" ORDER BY n.id DESC LIMIT ? OFFSET ?",
			append(args, page.PerPage, page.Offset()), func(rows *sql.Rows) error {
				n, err := scanNotice(rows)
				list = append(list, n)
				return err
			})
	})
	if err != nil {
		return nil, 0, wrap(err, "list notices")
	}
	return list, total, nil
}

func noticeWhere(f duban.NoticeFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) { conds, args = append(conds, cond), append(args, arg) }
	if f.PlanID != 0 {
		add("n.plan_id = ?", f.PlanID)
	}
	if f.UnitCode != "" {
		add("u.code = ?", f.UnitCode)
	}
	if f.State != "" {
		add("n.state = ?", string(f.State))
	}
	if f.OpenOnly {
		add("n.state <> ?", string(duban.NoticeClosed))
	}
	if f.Level != 0 {
		add("n.level = ?", int(f.Level))
	}
	if !f.OverdueOn.IsZero() { // Notice.ReplyOverdue in SQL
		add("n.state IN (?, ?)", string(duban.NoticeIssued))
		args = append(args, string(duban.NoticeSigned))
		add("n.reply_due < ?", dateArg(f.OverdueOn))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}
