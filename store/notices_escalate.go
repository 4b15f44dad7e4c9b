package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/duban-dev/duban"
)

// EscalateOverdue raises every open notice of the plan (every plan when
// planID is 0) whose reply is overdue on today one level, with a new reply
// deadline, in one transaction: each with its event, audit entry and
// outbox message. Notices at the top level (约谈) stay as they are. It
// returns the escalated notices.
func (db *DB) EscalateOverdue(ctx context.Context, actor *duban.User, planID int64, today duban.Date) ([]duban.Notice, error) {
	return db.escalate(ctx, actor, planID, today, true)
}

// EscalateOverdueRound is the periodic jobs' escalation over every plan:
// EscalateOverdue for planID 0, leaving out the notices of plans whose
// year ended before today unless closedYears (the same policy as the
// notice rules: an office reads the year it supervises). It returns how
// many notices it raised.
func (db *DB) EscalateOverdueRound(ctx context.Context, actor *duban.User, today duban.Date, closedYears bool) (int, error) {
	list, err := db.escalate(ctx, actor, 0, today, closedYears)
	return len(list), err
}

func (db *DB) escalate(ctx context.Context, actor *duban.User, planID int64, today duban.Date, closedYears bool) ([]duban.Notice, error) {
	if !supervises(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以升级督办单 (only administrators and supervisors escalate notices)")
	}
	escalated := []duban.Notice{}
	err := db.write(ctx, func(t *tx) error {
		due, err := t.overdueNotices(ctx, planID, today, closedYears)
		if err != nil {
			return err
		}
		var befores []overdueNotice
		for _, before := range due {
			n := before.Notice
			if !n.EscalateOverdue(today) {
				continue
			}
			n.UpdatedAt = t.now
			befores = append(befores, before)
			escalated = append(escalated, n)
		}
		return t.saveEscalations(ctx, actor.Username, today, befores, escalated)
	})
	if err != nil {
		return nil, wrap(err, "escalate overdue notices")
	}
	return escalated, nil
}

// overdueNotice is a notice with what its message names.
type overdueNotice struct {
	duban.Notice
	nodeTitle, unitName string
}

// overdueNotices reads, locking them on PostgreSQL, the notices awaiting a
// reply whose deadline is before today, oldest first, in one query.
func (t *tx) overdueNotices(ctx context.Context, planID int64, today duban.Date, closedYears bool) ([]overdueNotice, error) {
	where := "WHERE n.state IN (?, ?) AND n.reply_due < ? AND n.level < ?"
	args := []any{string(duban.NoticeIssued), string(duban.NoticeSigned), dateArg(today), int(duban.LevelInterview)}
	if planID != 0 {
		where += " AND n.plan_id = ?"
		args = append(args, planID)
	}
	if !closedYears {
		where += " AND p.period_end >= ?"
		args = append(args, dateArg(today))
	}
	var list []overdueNotice
	err := t.eachRow(ctx, noticeFields+", nd.title, u.name"+noticeFrom+
		"JOIN nodes nd ON nd.id = n.node_id JOIN plans p ON p.id = n.plan_id "+where+" ORDER BY n.id"+t.lockRows("n"), args,
		func(rows *sql.Rows) error {
			var o overdueNotice
			var err error
			o.Notice, err = scanNotice(extraCols{rows, []any{&o.nodeTitle, &o.unitName}})
			list = append(list, o)
			return err
		})
	return list, err
}

// extraCols scans a notice's columns followed by more.
type extraCols struct {
	rows  *sql.Rows
	extra []any
}

func (e extraCols) Scan(dest ...any) error { return e.rows.Scan(append(dest, e.extra...)...) }

// escalateChunk is how many notices one UPDATE raises.
const escalateChunk = 1000

// saveEscalations writes the raised notices set-based: one UPDATE per
// chunk (every one goes a level up, to issued, with the same new
// deadline), then their events, audit rows and outbox messages each in
// one bulk insert (COPY on PostgreSQL).
func (t *tx) saveEscalations(ctx context.Context, actor string, today duban.Date, befores []overdueNotice, after []duban.Notice) error {
	if len(after) == 0 {
		return nil
	}
	due := today.AddDays(duban.EscalationReplyDays)
	for start := 0; start < len(after); start += escalateChunk {
		chunk := after[start:min(start+escalateChunk, len(after))]
		args := []any{string(duban.NoticeIssued), dateArg(due), t.now}
		for _, n := range chunk {
			args = append(args, n.ID)
		}
		if _, err := t.exec(ctx, "UPDATE notices SET level = level + 1, state = ?, reply_due = ?, updated_at = ? WHERE id IN ("+
			placeholders(len(chunk))+")", args...); err != nil {
			return err
		}
	}
	hooks, err := t.activeHooks(ctx)
	if err != nil {
		return err
	}
	var events, audits, outbox [][]any
	for i := range after {
		n, b := &after[i], &befores[i]
		events = append(events, []any{n.ID, t.now, actor, string(duban.ActEscalate), string(b.State), string(n.State),
			int(n.Level), t.copyDate(n.ReplyDue), duban.EscalationNote})
		before, err := json.Marshal(&b.Notice)
		if err != nil {
			return fmt.Errorf("store: encode audit: %w", err)
		}
		afterDoc, err := json.Marshal(n)
		if err != nil {
			return fmt.Errorf("store: encode audit: %w", err)
		}
		audits = append(audits, []any{t.now, actor, "notice." + string(duban.ActEscalate), "notice", n.ID,
			t.copyJSON(before), t.copyJSON(afterDoc)})
		body, err := json.Marshal(escalationMessage(n, b.nodeTitle, b.unitName, actor))
		if err != nil {
			return fmt.Errorf("store: encode message: %w", err)
		}
		for _, h := range hooks {
			outbox = append(outbox, []any{h, t.copyJSON(body), 0, timeArg(t.now), t.now})
		}
	}
	if err := t.bulkInsert(ctx, "notice_events", []string{"notice_id", "at", "actor", "action", "from_state", "to_state",
		"level", "reply_due", "text"}, events); err != nil {
		return err
	}
	if err := t.bulkInsert(ctx, "audit_log", []string{"at", "actor", "action", "entity", "entity_id", "before_json",
		"after_json"}, audits); err != nil {
		return err
	}
	return t.bulkInsert(ctx, "outbox", []string{"webhook_id", "message", "attempts", "next_attempt", "created_at"}, outbox)
}

// escalationMessage is noticeMessage for an escalation, from names read
// with the notice instead of a query per notice.
func escalationMessage(n *duban.Notice, node, unit, actor string) duban.Message {
	action := string(duban.ActEscalate)
	return duban.Message{
		Event: noticeEvents[action],
		Title: n.Number() + "：" + node + "（" + noticeActionLabels[action] + "）",
		Text:  noticeMarkdown(action, n, unit, actor, duban.EscalationNote),
		Data: map[string]any{"notice_id": n.ID, "number": n.Number(), "plan_id": n.PlanID, "node_id": n.NodeID,
			"indicator_id": n.IndicatorID, "unit_code": n.UnitCode, "level": int(n.Level), "state": string(n.State),
			"reply_due": n.ReplyDue.String(), "action": action},
	}
}
