package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/duban-dev/duban"
)

// NoticeEvent is one step in a notice's history.
type NoticeEvent = duban.NoticeEvent

// ApplyNotice takes one lifecycle step. The addressed unit's reporters may
// sign for and reply to its notices; administrators and supervisors may
// take every step.
func (db *DB) ApplyNotice(ctx context.Context, actor *duban.User, id int64, act duban.NoticeAction, text string, newDue duban.Date) (*duban.Notice, error) {
	var n duban.Notice
	err := db.write(ctx, func(t *tx) error {
		before, err := t.findNotice(ctx, id, t.lockRows("n"))
		if err != nil {
			return err
		}
		if !mayApply(actor, &before, act) {
			return duban.Errorf(duban.EFORBIDDEN, "无权对督办单 %s 执行此操作 (you may not do this to the notice)", before.Number())
		}
		n = before
		if err := n.Apply(act, text, newDue); err != nil {
			return err
		}
		n.UpdatedAt = t.now
		_, err = t.exec(ctx, "UPDATE notices SET level = ?, state = ?, reply_due = ?, reply = ?, updated_at = ? WHERE id = ?",
			int(n.Level), string(n.State), dateArg(n.ReplyDue), n.Reply, t.now, n.ID)
		if err != nil {
			return err
		}
		if n.State == duban.NoticeClosed {
			// The items it listed may be issued again by the rules.
			if _, err := t.exec(ctx, "UPDATE notice_items SET is_open = ? WHERE plan_id = ? AND notice_id = ?",
				false, n.PlanID, n.ID); err != nil {
				return err
			}
		}
		return t.recordNotice(ctx, actor.Username, string(act), &before, &n, text)
	})
	if err != nil {
		return nil, wrap(err, "apply %s to notice %d", act, id)
	}
	return &n, nil
}

func mayApply(u *duban.User, n *duban.Notice, act duban.NoticeAction) bool {
	if supervises(u) {
		return true
	}
	return u != nil && u.Role == duban.RoleReporter && u.UnitCode == n.UnitCode &&
		(act == duban.ActSign || act == duban.ActReply)
}

// recordNotice writes the event, the audit entry and the outbox message of
// one step; before is nil when the notice is issued.
func (t *tx) recordNotice(ctx context.Context, actor, action string, before, n *duban.Notice, text string) error {
	var from duban.NoticeState
	var auditBefore any
	if before != nil {
		from, auditBefore = before.State, before
	}
	_, err := t.exec(ctx, `INSERT INTO notice_events (notice_id, at, actor, action, from_state, to_state, level, reply_due, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, n.ID, t.now, actor, action, string(from), string(n.State), int(n.Level),
		dateArg(n.ReplyDue), text)
	if err != nil {
		return err
	}
	if err := t.audit(ctx, actor, "notice."+action, "notice", n.ID, auditBefore, n); err != nil {
		return err
	}
	msg, err := t.noticeMessage(ctx, action, n, actor, text)
	if err != nil {
		return err
	}
	return t.enqueue(ctx, msg)
}

var noticeEvents = map[string]string{
	"issue": "notice.issued", "sign": "notice.sign", "reply": "notice.reply",
	"close": "notice.close", "escalate": "notice.escalate",
}

var noticeActionLabels = map[string]string{
	"issue": "下发", "sign": "签收", "reply": "反馈", "close": "办结", "escalate": "升级",
}

func (t *tx) noticeMessage(ctx context.Context, action string, n *duban.Notice, actor, text string) (duban.Message, error) {
	var node, unit string
	err := t.queryRow(ctx, "SELECT n.title, u.name FROM nodes n, units u WHERE n.id = ? AND u.code = ?",
		n.NodeID, n.UnitCode).Scan(&node, &unit)
	if err != nil {
		return duban.Message{}, err
	}
	title := n.Number() + "：" + node
	if action != "issue" {
		title += "（" + noticeActionLabels[action] + "）"
	}
	return duban.Message{
		Event: noticeEvents[action],
		Title: title,
		Text:  noticeMarkdown(action, n, unit, actor, text),
		Data: map[string]any{"notice_id": n.ID, "number": n.Number(), "plan_id": n.PlanID, "node_id": n.NodeID,
			"indicator_id": n.IndicatorID, "unit_code": n.UnitCode, "level": int(n.Level), "state": string(n.State),
			"reply_due": n.ReplyDue.String(), "action": action},
	}, nil
}

func noticeMarkdown(action string, n *duban.Notice, unit, actor, text string) string {
	s := fmt.Sprintf("**责任单位**：%s\n\n**督办等级**：%s\n\n**存在问题**：%s\n\n**整改要求**：%s\n\n**反馈期限**：%s",
		unit, n.Level.Label(), n.Issue, n.Action, n.ReplyDue)
	if action == "issue" {
		return s
	}
	s += fmt.Sprintf("\n\n**当前状态**：%s（%s %s）", n.State.Label(), actor, noticeActionLabels[action])
	if text != "" {
		s += "\n\n**说明**：" + duban.EscapeMarkdown(text) // a unit's own words: no markup
	}
	return s
}

// ListNoticeEvents returns a notice's history, oldest first.
func (db *DB) ListNoticeEvents(ctx context.Context, noticeID int64) ([]NoticeEvent, error) {
	list := []NoticeEvent{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, noticeEventSelect+"WHERE notice_id = ? ORDER BY id", []any{noticeID},
			func(rows *sql.Rows) error {
				e, err := scanNoticeEvent(rows)
				list = append(list, e)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "list events of notice %d", noticeID)
	}
	return list, nil
}

// ListPlanNoticeEvents returns the history of every notice of a plan,
// oldest first, by notice id.
func (db *DB) ListPlanNoticeEvents(ctx context.Context, planID int64) (map[int64][]duban.NoticeEvent, error) {
	byNotice := map[int64][]duban.NoticeEvent{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, noticeEventSelect+"WHERE notice_id IN (SELECT id FROM notices WHERE plan_id = ?) ORDER BY id",
			[]any{planID}, func(rows *sql.Rows) error {
				e, err := scanNoticeEvent(rows)
				byNotice[e.NoticeID] = append(byNotice[e.NoticeID], e)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "list notice events of plan %d", planID)
	}
	return byNotice, nil
}

const noticeEventSelect = `SELECT id, notice_id, at, actor, action, from_state, to_state, level, reply_due, text
	FROM notice_events `

func scanNoticeEvent(rows *sql.Rows) (NoticeEvent, error) {
	var e NoticeEvent
	err := rows.Scan(&e.ID, &e.NoticeID, timeCol{&e.At}, &e.Actor, &e.Action, &e.FromState, &e.ToState,
		&e.Level, dateCol{&e.ReplyDue}, &e.Text)
	return e, err
}
