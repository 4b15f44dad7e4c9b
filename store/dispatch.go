package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/duban-dev/duban"
)

const (
	decisionFields = `SELECT d.id, d.plan_id, COALESCE(m.code, ''), d.period, d.node_id, n.code, n.title,
	COALESCE(d.problem_id, 0), d.text, u.code, d.due, d.state, d.result, d.created_by, d.created_at, d.done_at`
	decisionFrom = ` FROM dispatch_decisions d JOIN nodes n ON n.id = d.node_id JOIN units u ON u.id = d.owner_unit_id
	LEFT JOIN mechanisms m ON m.id = d.mechanism_id `
)

func scanDecision(s scanner) (duban.Decision, error) {
	var d duban.Decision
	var doneAt time.Time
	err := s.Scan(&d.ID, &d.PlanID, &d.Mechanism, &d.Period, &d.NodeID, &d.NodeCode, &d.NodeTitle, &d.ProblemID,
		&d.Text, &d.Owner, dateCol{&d.Due}, &d.State, &d.Result, &d.CreatedBy, timeCol{&d.CreatedAt}, timeCol{&doneAt})
	if !doneAt.IsZero() {
		d.DoneAt = &doneAt
	}
	return d, err
}

// CreateDecision records a dispatch meeting's decision on one item of the
// plan (supervisors and administrators), audited as decision.create and
// announced to the owner unit through the webhooks (decision.assigned).
func (db *DB) CreateDecision(ctx context.Context, actor *duban.User, planID int64, in duban.DecisionInput) (*duban.Decision, error) {
	if !duban.CanDispatch(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有督查室和管理员可以记录调度决定 (supervisors and administrators only)")
	}
	if err := in.Check(); err != nil {
		return nil, err
	}
	var d duban.Decision
	err := db.write(ctx, func(t *tx) error {
		nodes, err := t.nodes(ctx, "WHERE n.id = ? AND n.plan_id = ?", in.NodeID, planID)
		if err != nil {
			return err
		}
		if len(nodes) == 0 {
			return duban.Invalid("事项不存在 (unknown item)", duban.FieldError{Field: "node_id", Message: "计划中没有该事项 (not an item of the plan)"})
		}
		owner, err := t.unitID(ctx, in.Owner)
		if err != nil {
			return duban.Invalid("单位不存在 (unknown unit)", duban.FieldError{Field: "owner", Message: "单位 " + in.Owner + " 不存在"})
		}
		mech, err := t.mechanismID(ctx, in.Mechanism)
		if err != nil {
			return err
		}
		id, err := t.insertID(ctx, `INSERT INTO dispatch_decisions (plan_id, mechanism_id, period, node_id, problem_id, text,
			owner_unit_id, due, state, result, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?) RETURNING id`,
			planID, nullID(mech), in.Period, in.NodeID, nullID(in.ProblemID), in.Text, owner, dateArg(in.Due),
			string(duban.DecisionOpen), actor.Username, t.now)
		if err != nil {
			return err
		}
		if d, err = t.findDecision(ctx, id); err != nil {
			return err
		}
		if err := t.audit(ctx, actor.Username, "decision.create", "decision", id, nil, d); err != nil {
			return err
		}
		return t.announceDecision(ctx, &d, actor.Username)
	})
	if err != nil {
		return nil, wrap(err, "create decision")
	}
	return &d, nil
}

func (t *tx) mechanismID(ctx context.Context, code string) (int64, error) {
	if code == "" {
		return 0, nil
	}
	var id int64
	err := t.queryRow(ctx, "SELECT id FROM mechanisms WHERE code = ?", code).Scan(&id)
	if isNoRows(err) {
		return 0, duban.Invalid("机制不存在 (unknown mechanism)", duban.FieldError{Field: "mechanism", Message: code})
	}
	return id, err
}

func (t *tx) findDecision(ctx context.Context, id int64) (duban.Decision, error) {
	d, err := scanDecision(t.queryRow(ctx, decisionFields+decisionFrom+"WHERE d.id = ?", id))
	if isNoRows(err) {
		return d, duban.Errorf(duban.ENOTFOUND, "调度决定不存在 (decision not found): %d", id)
	}
	return d, err
}

// CompleteDecision marks a decision done with what was achieved: the
// supervision office, or a reporter of the owning unit. Audited as
// decision.done.
func (db *DB) CompleteDecision(ctx context.Context, actor *duban.User, id int64, result string) (*duban.Decision, error) {
	var d duban.Decision
	err := db.write(ctx, func(t *tx) error {
		before, err := t.findDecision(ctx, id)
		if err != nil {
			return err
		}
		if !duban.CanDispatch(actor) && !duban.CanReportForUnit(actor, before.Owner) {
			return duban.Errorf(duban.EFORBIDDEN, "无权办结该调度决定 (you may not complete this decision)")
		}
		if before.State == duban.DecisionDone {
			return duban.Errorf(duban.ECONFLICT, "调度决定 #%d 已落实 (already done)", id)
		}
		if strings.TrimSpace(result) == "" {
			return duban.Invalid("落实情况必填 (result required)", duban.FieldError{Field: "result", Message: "必填 (required)"})
		}
		if _, err := t.exec(ctx, "UPDATE dispatch_decisions SET state = ?, result = ?, done_at = ? WHERE id = ?",
			string(duban.DecisionDone), result, t.now, id); err != nil {
			return err
		}
		if d, err = t.findDecision(ctx, id); err != nil {
			return err
		}
		return t.audit(ctx, actor.Username, "decision.done", "decision", id, before, d)
	})
	if err != nil {
		return nil, wrap(err, "complete decision %d", id)
	}
	return &d, nil
}

// ListDecisions lists decisions, open ones by due day first.
func (db *DB) ListDecisions(ctx context.Context, f duban.DecisionFilter) ([]duban.Decision, int, error) {
	page := f.Page.Normalize()
	var conds []string
	var args []any
	add := func(cond string, a any) { conds, args = append(conds, cond), append(args, a) }
	if f.PlanID != 0 {
		add("d.plan_id = ?", f.PlanID)
	}
	if f.NodeID != 0 {
		add("d.node_id = ?", f.NodeID)
	}
	if f.Owner != "" {
		add("u.code = ?", f.Owner)
	}
	if f.OpenOnly {
		add("d.state = ?", string(duban.DecisionOpen))
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	list := []duban.Decision{}
	var total int
	err := db.read(ctx, func(t *tx) error {
		if err := t.queryRow(ctx, "SELECT COUNT(*)"+decisionFrom+where, args...).Scan(&total); err != nil {
			return err
		}
		return t.eachRow(ctx, decisionFields+decisionFrom+where+
			" ORDER BY CASE WHEN d.state = 'done' THEN 1 ELSE 0 END, d.due, d.id LIMIT ? OFFSET ?",
			append(args, page.PerPage, page.Offset()), func(rows *sql.Rows) error {
				d, err := scanDecision(rows)
				list = append(list, d)
				return err
			})
	})
	if err != nil {
		return nil, 0, wrap(err, "list decisions")
	}
	return list, total, nil
}
