package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/duban-dev/duban"
)

// writeRuleNotices writes numbered notices with, for each, its issue
// event, one audit row (not one per item) and a message to every active
// webhook, each table in one bulk insert (COPY on PostgreSQL).
func (t *tx) writeRuleNotices(ctx context.Context, actor string, notices []duban.RuleNotice) error {
	if len(notices) == 0 {
		return nil
	}
	hooks, err := t.activeHooks(ctx)
	if err != nil {
		return err
	}
	var rows, events, audits, outbox [][]any
	for i := range notices {
		n := &notices[i].Notice
		n.CreatedBy, n.CreatedAt, n.UpdatedAt = actor, t.now, t.now
		due := t.copyDate(n.ReplyDue)
		rows = append(rows, []any{n.ID, n.PlanID, n.Year, n.Seq, n.NodeID, nullID(n.IndicatorID), notices[i].UnitID,
			string(n.Trigger), int(n.Level), string(n.State), n.Issue, n.Action, due, "", actor, t.now, t.now})
		events = append(events, []any{n.ID, t.now, actor, "issue", "", string(n.State), int(n.Level), due, n.Issue})
		after, err := json.Marshal(n)
		if err != nil {
			return fmt.Errorf("store: encode audit: %w", err)
		}
		audits = append(audits, []any{t.now, actor, "notice.issue", "notice", n.ID, nil, t.copyJSON(after)})
		body, err := json.Marshal(ruleMessage(&notices[i]))
		if err != nil {
			return fmt.Errorf("store: encode message: %w", err)
		}
		for _, h := range hooks {
			outbox = append(outbox, []any{h, t.copyJSON(body), 0, timeArg(t.now), t.now})
		}
	}
	inserts := []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"notices", []string{"id", "plan_id", "year", "seq", "node_id", "indicator_id", "unit_id", "trigger_kind",
			"level", "state", "issue", "action", "reply_due", "reply", "created_by", "created_at", "updated_at"}, rows},
		{"notice_events", []string{"notice_id", "at", "actor", "action", "from_state", "to_state", "level", "reply_due", "text"}, events},
		{"audit_log", []string{"at", "actor", "action", "entity", "entity_id", "before_json", "after_json"}, audits},
		{"outbox", []string{"webhook_id", "message", "attempts", "next_attempt", "created_at"}, outbox},
	}
	for _, in := range inserts {
		if err := t.bulkInsert(ctx, in.table, in.columns, in.rows); err != nil {
			return fmt.Errorf("write %s: %w", in.table, err)
		}
	}
	return nil
}

// copyDate and copyJSON give a date and a JSON document as bulkInsert
// wants them: COPY takes dates as time and JSON as bytes.
func (t *tx) copyDate(d duban.Date) any {
	if t.conn != nil {
		return d.Time()
	}
	return dateArg(d)
}

func (t *tx) copyJSON(b []byte) any {
	if t.conn != nil {
		return json.RawMessage(b)
	}
	return string(b)
}

func (t *tx) activeHooks(ctx context.Context) ([]int64, error) {
	var hooks []int64
	err := t.eachRow(ctx, "SELECT id FROM webhooks WHERE active = ? ORDER BY id", []any{true}, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id)
		hooks = append(hooks, id)
		return err
	})
	return hooks, err
}

// ruleMessage is the webhook message of a rule-issued notice, as
// noticeMessage builds it for one issued by hand.
func ruleMessage(rn *duban.RuleNotice) duban.Message {
	n, first := &rn.Notice, rn.Items[0]
	msg := duban.Message{
		Event: noticeEvents["issue"],
		Title: n.Number() + "：" + first.NodeTitle,
		Text:  noticeMarkdown("issue", n, first.UnitName, n.CreatedBy, ""),
		Data: map[string]any{"notice_id": n.ID, "number": n.Number(), "plan_id": n.PlanID, "node_id": n.NodeID,
			"indicator_id": n.IndicatorID, "unit_code": n.UnitCode, "level": int(n.Level), "state": string(n.State),
			"reply_due": n.ReplyDue.String(), "action": "issue", "items": len(rn.Items)},
	}
	if n.IndicatorID == 0 {
		msg.Title = n.Number() + "：" + first.UnitName + "本轮督办事项"
	}
	return msg
}
