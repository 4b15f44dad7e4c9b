package store

import (
	"context"
	"strings"

	"github.com/duban-dev/duban"
)

// CreateNotice issues a notice to the lead unit of the node, numbered on
// from the last notice of the plan in the year of issue, and announces it
// to every active webhook. Only administrators and supervisors issue.
func (db *DB) CreateNotice(ctx context.Context, actor *duban.User, in duban.NoticeInput) (*duban.Notice, error) {
	if !supervises(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以下发督办单 (only administrators and supervisors issue notices)")
	}
	today := duban.DateOf(db.Now())
	in, errs := normalizeNotice(in, today)
	var n duban.Notice
	err := db.write(ctx, func(t *tx) error {
		unitID, err := t.checkNoticeRefs(ctx, &in, errs)
		if err != nil {
			return err
		}
		n = duban.Notice{PlanID: in.PlanID, Year: today.Year(), NodeID: in.NodeID, IndicatorID: in.IndicatorID,
			Trigger: in.Trigger, Level: in.Level, State: duban.NoticeIssued, Issue: in.Issue, Action: in.Action,
			ReplyDue: in.ReplyDue, CreatedBy: actor.Username, CreatedAt: t.now, UpdatedAt: t.now}
		if n.UnitCode, err = t.unitCode(ctx, unitID); err != nil {
			return err
		}
		if err := t.insertNotice(ctx, &n, unitID); err != nil {
			return err
		}
		return t.recordNotice(ctx, actor.Username, "issue", nil, &n, n.Issue)
	})
	if err != nil {
		return nil, wrap(err, "create notice")
	}
	return &n, nil
}

func supervises(u *duban.User) bool {
	return u != nil && (u.Role == duban.RoleAdmin || u.Role == duban.RoleSupervisor)
}

var noticeTriggers = map[duban.NoticeTrigger]bool{
	duban.TriggerLagging: true, duban.TriggerOverdue: true, duban.TriggerMissing: true, duban.TriggerManual: true,
}

// normalizeNotice fills defaults and checks the fields that need no lookup.
func normalizeNotice(in duban.NoticeInput, today duban.Date) (duban.NoticeInput, []duban.FieldError) {
	var errs []duban.FieldError
	add := func(field, msg string) { errs = append(errs, duban.FieldError{Field: field, Message: msg}) }
	in.Issue, in.Action = strings.TrimSpace(in.Issue), strings.TrimSpace(in.Action)
	if in.Level == 0 {
		in.Level = duban.LevelRemind
	}
	if in.Trigger == "" {
		in.Trigger = duban.TriggerManual
	}
	if in.Issue == "" {
		add("issue", "必填 (required)")
	}
	if in.Action == "" {
		add("action", "必填 (required)")
	}
	switch {
	case in.ReplyDue.IsZero():
		add("reply_due", "必填 (required)")
	case in.ReplyDue.Before(today):
		add("reply_due", "不能早于今天 "+today.String()+" (must not be in the past)")
	}
	if !in.Level.Valid() {
		add("level", "须为 1 到 4 (want 1 to 4)")
	}
	if !noticeTriggers[in.Trigger] {
		add("trigger", "未知原因 (want lagging, overdue, missing or manual)")
	}
	return in, errs
}

// checkNoticeRefs checks the plan, node and indicator of a notice together
// with the earlier field errors, and returns the node's lead unit id.
func (t *tx) checkNoticeRefs(ctx context.Context, in *duban.NoticeInput, errs []duban.FieldError) (int64, error) {
	if _, err := t.findPlan(ctx, in.PlanID); err != nil {
		return 0, err
	}
	add := func(field, msg string) { errs = append(errs, duban.FieldError{Field: field, Message: msg}) }
	var planID, unitID int64
	err := t.queryRow(ctx, "SELECT plan_id, COALESCE(lead_unit_id, 0) FROM nodes WHERE id = ?", in.NodeID).Scan(&planID, &unitID)
	switch {
	case isNoRows(err) || (err == nil && planID != in.PlanID):
		add("node_id", "事项不属于该计划 (not a node of the plan)")
	case err != nil:
		return 0, err
	case unitID == 0:
		add("node_id", "该事项未指定牵头单位 (the item has no lead unit)")
	}
	if in.IndicatorID != 0 {
		var nodeID int64
		err := t.queryRow(ctx, "SELECT node_id FROM indicators WHERE id = ?", in.IndicatorID).Scan(&nodeID)
		if err != nil && !isNoRows(err) {
			return 0, err
		}
		if err != nil || nodeID != in.NodeID {
			add("indicator_id", "指标不属于该事项 (not an indicator of the node)")
		}
	}
	if len(errs) > 0 {
		return 0, duban.Invalid("督办单内容有误 (invalid notice)", errs...)
	}
	return unitID, nil
}

func (t *tx) unitCode(ctx context.Context, id int64) (string, error) {
	var code string
	err := t.queryRow(ctx, "SELECT code FROM units WHERE id = ?", id).Scan(&code)
	return code, err
}

// insertNotice numbers the notice and writes it. On PostgreSQL the plan row
// is locked first so concurrent issuers take numbers one after another.
func (t *tx) insertNotice(ctx context.Context, n *duban.Notice, unitID int64) error {
	if t.db.dialect == DialectPostgres {
		if _, err := t.exec(ctx, "SELECT p.id FROM plans p WHERE p.id = ?"+t.lockRows("p"), n.PlanID); err != nil {
			return err
		}
	}
	err := t.queryRow(ctx, "SELECT COALESCE(MAX(seq), 0) + 1 FROM notices WHERE plan_id = ? AND year = ?",
		n.PlanID, n.Year).Scan(&n.Seq)
	if err != nil {
		return err
	}
	n.ID, err = t.insertID(ctx, `INSERT INTO notices (plan_id, year, seq, node_id, indicator_id, unit_id, trigger_kind,
		level, state, issue, action, reply_due, reply, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		n.PlanID, n.Year, n.Seq, n.NodeID, nullID(n.IndicatorID), unitID, string(n.Trigger), int(n.Level),
		string(n.State), n.Issue, n.Action, dateArg(n.ReplyDue), n.Reply, n.CreatedBy, t.now, t.now)
	return err
}
